package org.hostel.complaints.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests are held inside the database by a table lock the test takes on its own throw-away
 * PostgreSQL database, so "in flight" is a fact, not a matter of timing: while they are provably
 * still held, the next request must already have its 503.
 */
// Settings of its own: the context is never reused, so it is closed (and its pool freed).
@DirtiesContext
@EmbeddedContext
class OverloadTests {

  static final PostgresDatabase DATABASE = PostgresDatabase.create();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::url);
    registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "2");
    registry.add("spring.datasource.hikari.connection-timeout", () -> "5000");
    registry.add("complaints.overload.max-in-flight", () -> "3");
    // The counts of pool connections below are the requests' alone: no photo worker polling.
    registry.add("complaints.photos.processing-enabled", () -> "false");
  }

  @LocalServerPort int port;

  Connection lockComplaints() throws Exception {
    Connection lock = DriverManager.getConnection(DATABASE.url(), PostgresDatabase.USER, "");
    lock.setAutoCommit(false);
    lock.createStatement().execute("LOCK TABLE complaints IN ACCESS EXCLUSIVE MODE");
    return lock;
  }

  CompletableFuture<Api.Response> list(Api api) {
    return CompletableFuture.supplyAsync(
        () -> api.get("/api/v1/complaints", TestSetup.SERVICE_TOKEN),
        command -> Thread.ofVirtual().start(command));
  }

  static double gauge(Api api, String name) {
    return api.get("/metrics", null)
        .body()
        .lines()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  static void await(BooleanSupplier condition) {
    Eventually.await("the condition holds", Duration.ofSeconds(10), condition::getAsBoolean);
  }

  @Test
  void beyondTheInFlightBoundRequestsGetAFast503WhileAcceptedOnesStillSucceed() throws Exception {
    Api api = Api.onPort(port);
    assertThat(api.get("/api/v1/complaints", TestSetup.SERVICE_TOKEN).status()).isEqualTo(200);
    List<CompletableFuture<Api.Response>> held;
    Api.Response refused;
    try (Connection lock = lockComplaints()) {
      held = List.of(list(api), list(api), list(api));
      // Two hold both pool connections inside the locked table, the third waits for one.
      await(() -> gauge(api, "http_requests_in_flight") == 3);

      refused = api.get("/api/v1/complaints", TestSetup.SERVICE_TOKEN);
      assertThat(held.stream().filter(CompletableFuture::isDone)).hasSizeLessThanOrEqualTo(1);
      assertThat(api.get("/health/live", null).status()).isEqualTo(200);
      lock.rollback();
    }

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).contains("1");
    assertThat(refused.header("Content-Type")).contains("application/problem+json");
    assertThat(refused.json().get("title").asString()).isEqualTo("Service overloaded");
    assertThat(refused.json().get("detail").asString()).contains("concurrent requests");
    for (CompletableFuture<Api.Response> request : held) {
      assertThat(request.get().status()).isIn(200, 503);
    }
    assertThat(held.stream().filter(r -> r.join().status() == 200)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(api.get("/api/v1/complaints", TestSetup.SERVICE_TOKEN).status()).isEqualTo(200);
  }

  @Test
  void aRequestThatCannotGetADatabaseConnectionInTimeIsA503NotA500() throws Exception {
    Api api = Api.onPort(port);
    List<CompletableFuture<Api.Response>> held;
    Api.Response starved;
    try (Connection lock = lockComplaints()) {
      held = List.of(list(api), list(api));
      await(() -> gauge(api, "hikaricp_connections_active") == 2);
      starved = api.get("/api/v1/complaints", TestSetup.SERVICE_TOKEN);
      lock.rollback();
    }

    assertThat(starved.status()).isEqualTo(503);
    assertThat(starved.header("Retry-After")).isPresent();
    assertThat(starved.json().get("detail").asString()).contains("database connection");
    for (CompletableFuture<Api.Response> request : held) {
      assertThat(request.get().status()).isEqualTo(200);
    }
    assertThat(api.get("/api/v1/complaints", TestSetup.SERVICE_TOKEN).status()).isEqualTo(200);
  }

  @Test
  void aStaffCallerWhoseAccountCannotBeReadInTimeGetsTheSame503ProblemDocument() throws Exception {
    Api api = Api.onPort(port);
    // Staff tokens are checked against the account in the database before any controller runs.
    String admin = api.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
    List<CompletableFuture<Api.Response>> held;
    Api.Response starved;
    try (Connection lock = lockComplaints()) {
      held = List.of(list(api), list(api));
      await(() -> gauge(api, "hikaricp_connections_active") == 2);
      starved = api.get("/api/v1/complaints", admin);
      lock.rollback();
    }

    assertThat(starved.status()).isEqualTo(503);
    assertThat(starved.header("Retry-After")).isPresent();
    assertThat(starved.header("Content-Type")).contains("application/problem+json");
    assertThat(starved.header("X-Request-Id")).isPresent();
    assertThat(starved.json().get("detail").asString()).contains("database connection");
    for (CompletableFuture<Api.Response> request : held) {
      assertThat(request.get().status()).isEqualTo(200);
    }
    assertThat(api.get("/api/v1/complaints", admin).status()).isEqualTo(200);
  }
}
