package org.hostel.complaints.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throw-away database on the local PostgreSQL server, dropped when the JVM exits. Databases left
 * behind by runs that were killed are dropped once they are six hours old.
 */
public final class PostgresDatabase {

  public static final String HOST = System.getenv().getOrDefault("TEST_PG_HOST", "127.0.0.1");
  public static final String PORT = System.getenv().getOrDefault("TEST_PG_PORT", "5432");
  public static final String USER = System.getenv().getOrDefault("TEST_PG_USER", "postgres");
  private static final String PREFIX = "complaints_test_";

  private final String name;

  private PostgresDatabase(String name) {
    this.name = name;
  }

  public static PostgresDatabase create() {
    long now = System.currentTimeMillis() / 1000;
    String name = PREFIX + now + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    try (Connection admin = admin();
        Statement sql = admin.createStatement()) {
      dropStale(sql, now);
      sql.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is not usable", e);
    }
    PostgresDatabase database = new PostgresDatabase(name);
    Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
    return database;
  }

  public String url() {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
  }

  public String name() {
    return name;
  }

  public void drop() {
    try (Connection admin = admin();
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      // Dropped by an earlier call, or the server is gone; nothing left to clean.
    }
  }

  private static void dropStale(Statement sql, long now) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (ResultSet rs =
        sql.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
      while (rs.next()) {
        String[] parts = rs.getString(1).substring(PREFIX.length()).split("_");
        try {
          if (now - Long.parseLong(parts[0]) > 6 * 3600) {
            stale.add(rs.getString(1));
          }
        } catch (NumberFormatException ignored) {
          // Not one of ours.
        }
      }
    }
    for (String old : stale) {
      sql.execute("DROP DATABASE IF EXISTS " + old + " WITH (FORCE)");
    }
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
  }
}
