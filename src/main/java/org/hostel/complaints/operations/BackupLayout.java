package org.hostel.complaints.operations;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a backup folder holds and what the data folder holds, by name: {@code complaints.db} (the
 * embedded database), {@code photos/} (local photos, by key), {@code secrets/} (the generated
 * secrets) and {@code manifest.properties} (what was backed up, written last).
 */
final class BackupLayout {

  static final String DATABASE = "complaints.db";
  static final String PHOTOS = "photos";
  static final String SECRETS = "secrets";
  static final String MANIFEST = "manifest.properties";

  /** The files the service generates once into its data folder (see storage.GeneratedSecrets). */
  static final List<String> SECRET_FILES =
      List.of("jwt-secret", "photo-link-secret", "initial-admin-password");

  private BackupLayout() {}

  static Connection open(Path database) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 10000");
    }
    return connection;
  }

  /** The highest Flyway version applied to the database, or 0 when it has none. */
  static int schemaVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT"
                    + " NULL")) {
      int max = 0;
      while (rows.next()) {
        max = Math.max(max, Integer.parseInt(rows.getString(1).split("\\.")[0]));
      }
      return max;
    }
  }

  /** The highest migration this build carries for SQLite: a newer backup it cannot run. */
  static int knownSchemaVersion() {
    try {
      int max = 0;
      for (Resource migration :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:db/migration/sqlite/V*__*.sql")) {
        String name = String.valueOf(migration.getFilename());
        max = Math.max(max, Integer.parseInt(name.substring(1, name.indexOf("__")).split("_")[0]));
      }
      return max;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list this build's migrations", e);
    }
  }

  static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  /**
   * The files a stored photo must have, by key: a ready one's full image and thumbnail, and the
   * original of one still waiting to be processed (the restored service processes it).
   */
  static List<String> photoKeys(Connection connection) throws SQLException {
    List<String> keys = new java.util.ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT complaint_id, id, mime_type, state FROM photos"
                    + " WHERE state IN ('ready', 'processing') ORDER BY complaint_id, id")) {
      while (rows.next()) {
        String folder = rows.getString(1) + "/" + rows.getString(2) + "/";
        String extension = "image/png".equals(rows.getString(3)) ? "png" : "jpg";
        if ("processing".equals(rows.getString(4))) {
          keys.add(folder + "original");
        } else {
          keys.add(folder + "full." + extension);
          keys.add(folder + "thumb." + extension);
        }
      }
    }
    return keys;
  }

  static Properties readManifest(Path folder) throws IOException {
    Properties manifest = new Properties();
    try (Reader reader = Files.newBufferedReader(folder.resolve(MANIFEST))) {
      manifest.load(reader);
    }
    return manifest;
  }

  static void writeManifest(Path folder, Properties manifest) throws IOException {
    try (Writer writer = Files.newBufferedWriter(folder.resolve(MANIFEST))) {
      manifest.store(writer, "Complaint Management System backup (docs/BACKUP.md)");
    }
  }
}
