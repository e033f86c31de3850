package org.hostel.complaints.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hostel.complaints.ComplaintsApplication;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping an instance: the drain (COMPLAINTS_SHUTDOWN_DRAIN) takes it out of a proxy's rotation,
 * then the requests it is working on finish before the port closes.
 */
class GracefulShutdownTests {

  static int waitingOnLocks(String url, String database) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, PostgresDatabase.USER, "");
        PreparedStatement count =
            connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = ? AND wait_event_type = 'Lock'")) {
      count.setString(1, database);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** An instance on {@code database}, with {@code more} settings. */
  private static ConfigurableApplicationContext start(PostgresDatabase database, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--complaints.data-dir=" + TestSetup.tempDataDir(),
                "--complaints.auth.admin-email=" + TestSetup.ADMIN_EMAIL,
                "--complaints.auth.admin-password=" + TestSetup.ADMIN_PASSWORD,
                "--complaints.auth.service-token=" + TestSetup.SERVICE_TOKEN,
                "--complaints.auth.jwt-secret=" + TestSetup.JWT_SECRET,
                "--complaints.auth.password-hash-strength=4",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + PostgresDatabase.USER,
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=4"));
    args.addAll(List.of(more));
    // Command-line arguments, so that they win over application.yaml.
    return new SpringApplicationBuilder(ComplaintsApplication.class)
        .run(args.toArray(String[]::new));
  }

  @Test
  void whileDrainingReadsGoElsewhereAndWritesAreServedOnClosingConnections() throws Exception {
    PostgresDatabase database = PostgresDatabase.create();
    ConfigurableApplicationContext app = start(database, "--complaints.shutdown-drain=4s");
    Api api =
        Api.onPort(Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0")));
    assertThat(api.get("/health/ready", null).status()).isEqualTo(200);

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close);
    Api.Response refused =
        Eventually.poll(
            "the drain refuses reads",
            java.time.Duration.ofSeconds(10),
            () -> api.get("/api/v1/complaints", TestSetup.SERVICE_TOKEN),
            r -> r.status() == 502);
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(refused.json().get("type").asString()).isEqualTo("/problems/shutting-down");
    assertThat(api.get("/health/ready", null).status()).isEqualTo(502);
    assertThat(api.get("/health/live", null).status()).isEqualTo(200);
    Api.Response written =
        api.post(
            "/api/v1/complaints/submit",
            TestSetup.SERVICE_TOKEN,
            Fixtures.complaint(Fixtures.reporter()));
    assertThat(written.status()).isEqualTo(201);
    assertThat(written.header("Connection")).hasValue("close");
    assertThat(stopping).isNotDone();

    stopping.get();
    try (Connection db = DriverManager.getConnection(database.url(), PostgresDatabase.USER, "");
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM complaints WHERE id = '"
                        + written.json().get("id").asString()
                        + "'")) {
      rows.next();
      assertThat(rows.getInt(1)).as("the write served during the drain is stored").isEqualTo(1);
    }
    database.drop();
  }

  @Test
  void shuttingDownDrainsInFlightRequestsBeforeThePortCloses() throws Exception {
    PostgresDatabase database = PostgresDatabase.create();
    ConfigurableApplicationContext app = start(database);
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0"));
    Api api = Api.onPort(port);
    List<CompletableFuture<Api.Response>> held;
    CompletableFuture<Void> stopping;
    try (Connection lock = DriverManager.getConnection(database.url(), PostgresDatabase.USER, "")) {
      lock.setAutoCommit(false);
      lock.createStatement().execute("LOCK TABLE complaints IN ACCESS EXCLUSIVE MODE");
      held =
          List.of(
              CompletableFuture.supplyAsync(
                  () -> api.get("/api/v1/complaints", TestSetup.SERVICE_TOKEN)),
              CompletableFuture.supplyAsync(
                  () -> api.get("/api/v1/complaints", TestSetup.SERVICE_TOKEN)));
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (waitingOnLocks(database.url(), database.name()) < 2) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(20);
      }

      stopping = CompletableFuture.runAsync(app::close);
      Thread.sleep(1000);
      assertThat(stopping).isNotDone();
      assertThat(held).noneMatch(CompletableFuture::isDone);
      lock.rollback();
    }

    for (CompletableFuture<Api.Response> request : held) {
      assertThat(request.get().status()).isEqualTo(200);
    }
    stopping.get();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    database.drop();
  }
}
