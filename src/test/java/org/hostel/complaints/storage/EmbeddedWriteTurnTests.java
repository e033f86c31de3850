package org.hostel.complaints.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On the embedded default one write runs at a time. A write that cannot have its turn within the
 * connection timeout is overload: the client gets a 503 with Retry-After it can act on, well before
 * its own timeout, and nothing is stored. The test holds the turn itself with an open write
 * transaction on the service's own data source.
 */
// Settings of its own: the context is never reused, so it is closed (and its pool freed).
@DirtiesContext
@EmbeddedContext
class EmbeddedWriteTurnTests {

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.hikari.connection-timeout", () -> "600");
  }

  @LocalServerPort int port;

  @Autowired DataSource dataSource;

  Api.Response submit(Api api, String reporter) {
    return api.post(
        "/api/v1/complaints/submit", TestSetup.SERVICE_TOKEN, Fixtures.complaint(reporter));
  }

  long stored(Api api, String reporter) {
    return api.get("/api/v1/complaints?telegram_user_id=" + reporter, TestSetup.SERVICE_TOKEN)
        .json()
        .get("total")
        .asLong();
  }

  @Test
  void aWriteThatCannotHaveItsTurnInTimeIsA503AndStoresNothing() throws Exception {
    Api api = Api.onPort(port);
    String reporter = Fixtures.reporter();
    assertThat(submit(api, reporter).status()).isEqualTo(201);

    Api.Response refused;
    long took;
    try (Connection writer = dataSource.getConnection()) {
      writer.setAutoCommit(false);
      long started = System.nanoTime();
      refused = submit(api, reporter);
      took = (System.nanoTime() - started) / 1_000_000;
      writer.rollback();
      writer.setAutoCommit(true);
    }

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(refused.header("Content-Type")).contains("application/problem+json");
    assertThat(took).isLessThan(5_000);
    assertThat(stored(api, reporter)).isEqualTo(1);
    // The turn is free again: the next write goes through.
    assertThat(submit(api, reporter).status()).isEqualTo(201);
    assertThat(stored(api, reporter)).isEqualTo(2);
  }
}
