package org.hostel.complaints.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.StreamingReplica;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Lists read from a real streaming replica, yet every client sees its own writes at once. */
// Its servers stop after the class: close the context too, rather than keep it cached.
@DirtiesContext
@EmbeddedContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTests {

  static StreamingReplica pair;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    pair = StreamingReplica.start();
    registry.add("spring.datasource.url", pair::primaryUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("complaints.replica.url", pair::replicaUrl);
  }

  @AfterAll
  static void stopServers() {
    pair.close();
  }

  Api api;
  Fixtures fixtures;

  @BeforeEach
  void setUp(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
  }

  @Test
  @Order(1)
  void aListIsAnsweredByTheReplicaOnceItHasCaughtUp() {
    String reporter = Fixtures.reporter();
    fixtures.submit(Fixtures.complaint(reporter));
    pair.awaitCaughtUp();

    assertThat(total(reporter)).isEqualTo(1);
    assertThat(pair.replicaLog()).contains(reporter);
  }

  @Test
  @Order(2)
  void aClientReadsItsOwnWriteEvenWhileTheReplicaLagsBehind() {
    String reporter = Fixtures.reporter();
    pair.pauseReplay();
    try {
      fixtures.submit(Fixtures.complaint(reporter));

      assertThat(total(reporter)).isEqualTo(1);
      assertThat(pair.replicaLog()).doesNotContain(reporter);
    } finally {
      pair.resumeReplay();
    }
  }

  @Test
  @Order(3)
  void listsKeepWorkingFromThePrimaryWhenTheReplicaIsDown() {
    pair.stopReplica();
    String reporter = Fixtures.reporter();
    fixtures.submit(Fixtures.complaint(reporter));

    assertThat(total(reporter)).isEqualTo(1);
  }

  private long total(String reporter) {
    var page = api.get("/api/v1/complaints?telegram_user_id=" + reporter, fixtures.adminToken());
    assertThat(page.status()).isEqualTo(200);
    return page.json().get("total").asLong();
  }
}
