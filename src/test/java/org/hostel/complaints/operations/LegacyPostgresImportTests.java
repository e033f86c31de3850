package org.hostel.complaints.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.hostel.complaints.photo.S3ProxyServer;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The old system as it ran in production: its database on PostgreSQL (the fixture's rows, loaded
 * from {@code legacy.postgresql.sql} that {@code make_fixture.py} writes) and its photos in a
 * bucket (S3Proxy, under their {@code s3_key}). {@code import-legacy --from jdbc:postgresql:…
 * --s3-bucket …} imports it completely, and a second run imports nothing.
 */
class LegacyPostgresImportTests {

  static final Path SQL = LegacyImportTests.resource("legacy/legacy.postgresql.sql");
  static final String BUCKET = "old-complaint-photos";

  @Test
  void theOldSystemOnPostgresqlWithItsPhotosInABucketImportsCompletelyAndOnce() throws Exception {
    PostgresDatabase old = PostgresDatabase.create();
    String dataDir = TestSetup.tempDataDir();
    try (S3ProxyServer s3 = S3ProxyServer.start()) {
      load(old);
      upload(s3);
      String from = old.url() + "?user=" + PostgresDatabase.USER;

      String first = importLegacy(from, s3, dataDir);
      assertThat(first)
          .containsPattern("hostels\\s+3 imported")
          .containsPattern("staff\\s+5 imported")
          .containsPattern("complaints\\s+8 imported, 3 skipped")
          .containsPattern("assignment audits\\s+6 imported")
          .containsPattern("photos\\s+3 imported, 1 skipped")
          .contains("skipped    1: its file is gone");

      String second = importLegacy(from, s3, dataDir);
      assertThat(second)
          .containsPattern("complaints\\s+0 imported, 11 skipped")
          .containsPattern("photos\\s+0 imported, 4 skipped")
          .contains("skipped    8: already imported");
      try (Connection imported =
              DriverManager.getConnection("jdbc:sqlite:" + Path.of(dataDir, "complaints.db"));
          Statement sql = imported.createStatement()) {
        assertThat(count(sql, "complaints")).isEqualTo(8);
        assertThat(count(sql, "photos")).isEqualTo(3);
        assertThat(count(sql, "staff")).isEqualTo(5);
      }
    } finally {
      old.drop();
    }
  }

  private static void load(PostgresDatabase database) throws IOException, SQLException {
    try (Connection connection =
            DriverManager.getConnection(database.url(), PostgresDatabase.USER, "");
        Statement sql = connection.createStatement()) {
      sql.execute(Files.readString(SQL));
    }
  }

  /** The old system kept each photo under {@code complaints/<complaint>/original/<photo>.jpg}. */
  private static void upload(S3ProxyServer s3) throws IOException {
    s3.client().createBucket(b -> b.bucket(BUCKET));
    try (Stream<Path> files = Files.walk(LegacyImportTests.PHOTOS)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String key =
            "complaints/" + file.getParent().getFileName() + "/original/" + file.getFileName();
        s3.client().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromFile(file));
      }
    }
  }

  private static String importLegacy(String from, S3ProxyServer s3, String dataDir) {
    BackupRestoreTests.Out out = new BackupRestoreTests.Out();
    int status =
        LegacyImportTests.importLegacy(
            out,
            "--from",
            from,
            "--s3-bucket",
            BUCKET,
            "--complaints.data-dir=" + dataDir,
            "--complaints.photos.s3.endpoint=" + s3.endpoint(),
            "--complaints.photos.s3.access-key=" + S3ProxyServer.ACCESS_KEY,
            "--complaints.photos.s3.secret-key=" + S3ProxyServer.SECRET_KEY);
    assertThat(status).as(out.text()).isZero();
    return out.text();
  }

  private static long count(Statement sql, String table) throws SQLException {
    try (var rs =
        sql.executeQuery("SELECT count(*) FROM " + table + " WHERE external_ref IS NOT NULL")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
