package org.hostel.complaints.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real outages, each confined to what this test owns: its throw-away PostgreSQL database is closed
 * to connections (the shared server keeps running), and its Redis is a private server on its own
 * port that the test stops and starts again.
 */
// Settings of its own: the context is never reused, so it is closed (and its pool freed).
@DirtiesContext
@EmbeddedContext
class ReadinessTests {

  static final PostgresDatabase DATABASE = PostgresDatabase.create();
  static final PrivateRedis REDIS = new PrivateRedis();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::url);
    registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
    registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + REDIS.port);
  }

  @AfterAll
  static void stopRedis() {
    REDIS.stop();
  }

  @LocalServerPort int port;

  Api.Response awaitReady(Predicate<Api.Response> condition) {
    Api api = Api.onPort(port);
    return Eventually.poll(
        "readiness is as expected",
        Duration.ofSeconds(60),
        () -> api.get("/health/ready", null),
        condition);
  }

  static void admin(String sql) throws Exception {
    try (Connection admin =
            DriverManager.getConnection(
                "jdbc:postgresql://"
                    + PostgresDatabase.HOST
                    + ":"
                    + PostgresDatabase.PORT
                    + "/postgres",
                PostgresDatabase.USER,
                "");
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }

  @Test
  void readinessFailsWhileTheDatabaseRefusesConnectionsAndRecoversWhenItReturns() throws Exception {
    Api api = Api.onPort(port);
    Api.Response ready = awaitReady(r -> r.status() == 200);
    assertThat(ready.json().at("/checks/database/status").asString()).isEqualTo("up");
    assertThat(ready.json().at("/checks/redis/status").asString()).isEqualTo("up");

    admin("ALTER DATABASE " + DATABASE.name() + " ALLOW_CONNECTIONS false");
    try {
      admin(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + DATABASE.name()
              + "'");
      Api.Response down = awaitReady(r -> r.status() == 503);
      assertThat(down.header("Retry-After")).isPresent();
      assertThat(down.json().get("status").asString()).isEqualTo("down");
      assertThat(down.json().at("/checks/database/status").asString()).isEqualTo("down");
      assertThat(down.json().at("/checks/redis/status").asString()).isEqualTo("up");
      assertThat(api.get("/health", null).status()).isEqualTo(503);
      assertThat(api.get("/health/live", null).status()).isEqualTo(200);
    } finally {
      admin("ALTER DATABASE " + DATABASE.name() + " ALLOW_CONNECTIONS true");
    }
    awaitReady(r -> r.status() == 200);
    assertThat(api.get("/api/v1/complaints", TestSetup.SERVICE_TOKEN).status()).isEqualTo(200);
  }

  @Test
  void readinessFailsWhileConfiguredRedisIsDownAndRecoversWhenItIsBack() throws Exception {
    awaitReady(r -> r.status() == 200);
    REDIS.stop();
    Api.Response down = awaitReady(r -> r.status() == 503);
    assertThat(down.json().at("/checks/redis/status").asString()).isEqualTo("down");
    assertThat(down.json().at("/checks/database/status").asString()).isEqualTo("up");
    // Requests still work: rate limits fall back to this instance's own buckets.
    assertThat(Api.onPort(port).get("/api/v1/hostels", TestSetup.SERVICE_TOKEN).status())
        .isEqualTo(200);

    REDIS.start();
    Api.Response up = awaitReady(r -> r.status() == 200);
    assertThat(up.json().at("/checks/redis/status").asString()).isEqualTo("up");
  }

  /** A redis-server of this test's own, on a free port, keeping nothing on disk. */
  static final class PrivateRedis {
    final int port;
    final Path dir;
    Process process;

    PrivateRedis() {
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
        dir = Files.createTempDirectory("complaints-redis-");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      start();
    }

    void start() {
      try {
        process =
            new ProcessBuilder(
                    List.of(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Eventually.await(
            "redis-server answers on port " + port, Duration.ofSeconds(10), () -> ping(port));
      } catch (IOException e) {
        throw new IllegalStateException("cannot start redis-server", e);
      }
    }

    static boolean ping(int port) throws IOException {
      try (var probe = new java.net.Socket("127.0.0.1", port)) {
        probe.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        return new String(probe.getInputStream().readNBytes(5), StandardCharsets.US_ASCII)
            .equals("+PONG");
      }
    }

    void stop() {
      if (process != null && process.isAlive()) {
        process.destroy();
        try {
          process.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
