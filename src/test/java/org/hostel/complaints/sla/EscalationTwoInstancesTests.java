package org.hostel.complaints.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one PostgreSQL database run the escalation scan at the same moment, past a
 * complaint's target: the breach is alerted once, not once per instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationTwoInstancesTests {

  final PostgresDatabase database = PostgresDatabase.create();
  ConfigurableApplicationContext a;
  ConfigurableApplicationContext b;

  @BeforeAll
  void start() {
    // The scheduled scan stays out of the way: the test runs both scans itself, at once.
    List<String> quiet = List.of("--complaints.sla.escalation-interval=PT1H");
    a = TestSetup.instanceOn(database, quiet);
    b = TestSetup.instanceOn(database, quiet);
  }

  @AfterAll
  void stop() {
    a.close();
    b.close();
    database.drop();
  }

  @Test
  void bothInstancesScanningAtOnceAlertABreachOnce() throws Exception {
    int port = ((WebServerApplicationContext) a).getWebServer().getPort();
    JsonNode complaint = new Fixtures(Api.onPort(port)).submit();
    String id = complaint.get("id").asString();
    Instant late = Instant.parse(complaint.get("resolution_due_at").asString()).plusSeconds(1);

    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Integer>> scans =
        List.of(a, b).stream()
            .map(instance -> instance.getBean(SlaEscalation.class))
            .map(
                escalation ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          awaitQuietly(go);
                          return escalation.escalate(late);
                        }))
            .toList();
    go.countDown();
    int sent = scans.stream().mapToInt(CompletableFuture::join).sum();

    // Never acted on: only the response target is alerted, and only by one of the two.
    long rows =
        a.getBean(JdbcClient.class)
            .sql("SELECT count(*) FROM sla_alerts WHERE complaint_id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    assertThat(rows).isEqualTo(1);
    assertThat(sent).isEqualTo(1);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
