package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.testing.ServiceProcess;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export streams: 200,000 complaints of 1,000 characters each (about 200 MB of text, more than
 * the heap) come out of a service in a separate JVM with a 256 MB heap, in full, and the service
 * lives on. Prints the rows per second and the process's peak RSS.
 */
@Tag("multi-jvm")
class ExportMemoryTests {

  /** 200,000 in CI; the benchmark of issue 18 runs it with {@code -Dexport.rows=1000000}. */
  static final int ROWS = Integer.getInteger("export.rows", 200_000);

  @TempDir Path dataDir;

  @Test
  void twoHundredThousandRowsLeaveA256MbHeapStanding() throws Exception {
    Map<String, String> env =
        Map.of(
            "COMPLAINTS_DATA_DIR", dataDir.toString(),
            "COMPLAINTS_SERVICE_TOKEN", TestSetup.SERVICE_TOKEN,
            "COMPLAINTS_ADMIN_EMAIL", TestSetup.ADMIN_EMAIL,
            "COMPLAINTS_ADMIN_PASSWORD", TestSetup.ADMIN_PASSWORD);
    Path log = Files.createTempFile("export-memory", ".log");
    // With the optimising compiler, as deployed: the export's throughput is part of what it prints.
    try (ServiceProcess service =
        ServiceProcess.start(env, log, List.of("-XX:+TieredCompilation"))) {
      fill(dataDir.resolve("complaints.db"));
      String token = service.api().login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      long started = System.nanoTime();
      HttpResponse<java.io.InputStream> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(service.api().base() + "/api/v1/complaints/export.csv"))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      long lines = 0;
      long chars = 0;
      try (var reader =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lines++;
          chars += line.length();
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      assertThat(lines).isEqualTo(ROWS + 1);
      assertThat(service.alive()).isTrue();
      String status = Files.readString(Path.of("/proc/" + service.pid() + "/status"));
      String peak =
          status.lines().filter(l -> l.startsWith("VmHWM")).findFirst().orElse("VmHWM: ?");
      System.out.printf(
          "export: %d rows, %d MB in %.1f s (%.0f rows/s); service %s (heap -Xmx256m)%n",
          ROWS, chars / 1_000_000, seconds, ROWS / seconds, peak.replaceAll("\\s+", " "));
    }
  }

  /** Writes the complaints straight into the service's database, in one transaction. */
  private static void fill(Path database) throws Exception {
    String text = "Long description " + "x".repeat(980);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      c.createStatement().execute("PRAGMA busy_timeout = 30000");
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO complaints (id, telegram_user_id, hostel, wing, room_number, category,"
                  + " description, severity, status, version, created_at, updated_at)"
                  + " VALUES (?, '12345', 'block-a', 'A', 'A312', 'plumbing', ?, 'low',"
                  + " 'reported', 1, ?, ?)")) {
        long now = System.currentTimeMillis();
        for (int i = 0; i < ROWS; i++) {
          insert.setString(1, UUID.randomUUID().toString());
          insert.setString(2, text + " " + i);
          insert.setLong(3, now - i);
          insert.setLong(4, now - i);
          insert.addBatch();
          if (i % 5_000 == 4_999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      c.commit();
    }
  }
}
