package org.hostel.complaints.operations;

import static org.hostel.complaints.operations.BackupLayout.DATABASE;
import static org.hostel.complaints.operations.BackupLayout.PHOTOS;
import static org.hostel.complaints.operations.BackupLayout.SECRETS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hostel.complaints.storage.PrivateFiles;
import org.springframework.util.FileSystemUtils;

/**
 * Puts a backup back into a data folder, after checking it: the manifest is there, SQLite's
 * integrity check passes, the schema is not newer than this build knows, and every stored photo's
 * files are present. The service must be stopped; a data folder that already has a database is only
 * replaced with {@code force}, and its files are then moved aside, not deleted.
 */
final class SqliteRestore {

  private SqliteRestore() {}

  /** What a checked backup holds. */
  record Checked(Properties manifest, int schemaVersion, long complaints, int photoFiles) {}

  /**
   * @throws IOException with a one-line reason when the backup cannot be restored
   */
  static Checked check(Path from) throws IOException {
    if (!Files.isRegularFile(from.resolve(BackupLayout.MANIFEST))) {
      throw new IOException(from + " is not a complete backup: it has no manifest");
    }
    Properties manifest = BackupLayout.readManifest(from);
    Path database = from.resolve(DATABASE);
    if (!Files.isRegularFile(database)) {
      throw new IOException(from + " has no " + DATABASE);
    }
    try (Connection connection = BackupLayout.open(database)) {
      String integrity = integrity(connection);
      if (!"ok".equals(integrity)) {
        throw new IOException("The backup's database fails its integrity check: " + integrity);
      }
      int version = BackupLayout.schemaVersion(connection);
      int known = BackupLayout.knownSchemaVersion();
      if (version > known) {
        throw new IOException(
            "The backup's schema version "
                + version
                + " is newer than this build's "
                + known
                + "; restore it with the release that made it");
      }
      int files = 0;
      if ("local".equals(manifest.getProperty("photos"))) {
        Set<String> gone =
            Arrays.stream(manifest.getProperty("photo_files_removed_during_backup", "").split(","))
                .filter(s -> !s.isBlank())
                .collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (String key : BackupLayout.photoKeys(connection)) {
          if (Files.isRegularFile(from.resolve(PHOTOS).resolve(key))) {
            files++;
          } else if (!gone.contains(key)) {
            missing.add(key);
          }
        }
        if (!missing.isEmpty()) {
          throw new IOException(
              missing.size() + " photo files are missing from the backup, e.g. " + missing.get(0));
        }
      }
      long complaints = BackupLayout.count(connection, "SELECT count(*) FROM complaints");
      return new Checked(manifest, version, complaints, files);
    } catch (SQLException e) {
      throw new IOException("The backup's database cannot be read: " + e.getMessage(), e);
    }
  }

  /** Checks {@code from} and copies it into {@code dataDir}. */
  static Checked run(Path from, Path dataDir, boolean force, Instant now) throws IOException {
    Checked checked = check(from);
    Path data = PrivateFiles.createFolders(dataDir);
    if (Files.exists(data.resolve(DATABASE))) {
      if (!force) {
        throw new IOException(
            data
                + " already has a database; stop the service and add --force to move the"
                + " current files aside");
      }
      Path aside = data.resolve("before-restore-" + now.toEpochMilli());
      PrivateFiles.createFolders(aside);
      List<String> names = new ArrayList<>(BackupLayout.SECRET_FILES);
      names.addAll(List.of(DATABASE, DATABASE + "-wal", DATABASE + "-shm", PHOTOS));
      for (String name : names) {
        if (Files.exists(data.resolve(name))) {
          Files.move(data.resolve(name), aside.resolve(name));
        }
      }
    }
    Files.copy(from.resolve(DATABASE), data.resolve(DATABASE));
    PrivateFiles.restrict(data.resolve(DATABASE));
    if (Files.isDirectory(from.resolve(PHOTOS))) {
      FileSystemUtils.copyRecursively(from.resolve(PHOTOS), data.resolve(PHOTOS));
      PrivateFiles.restrict(data.resolve(PHOTOS));
    }
    if (Files.isDirectory(from.resolve(SECRETS))) {
      try (Stream<Path> secrets = Files.list(from.resolve(SECRETS))) {
        for (Path secret : secrets.toList()) {
          Path to = data.resolve(secret.getFileName().toString());
          Files.deleteIfExists(to);
          Files.copy(secret, to);
          PrivateFiles.restrict(to);
        }
      }
    }
    return checked;
  }

  private static String integrity(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
      List<String> lines = new ArrayList<>();
      while (rows.next() && lines.size() < 3) {
        lines.add(rows.getString(1));
      }
      return String.join("; ", lines);
    }
  }
}
