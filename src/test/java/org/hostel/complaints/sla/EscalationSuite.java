package org.hostel.complaints.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The escalation job at chosen moments, once on SQLite and once on PostgreSQL: a warning at 80 %, a
 * breach at the target, a re-alert at most once a day, nothing twice even when two runs race.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EscalationSuite {

  @Autowired SlaEscalation escalation;
  @Autowired JdbcClient jdbc;
  @Autowired ConfigurableApplicationContext context;

  final List<SlaAlert> alerts = new CopyOnWriteArrayList<>();
  Api api;
  Fixtures fixtures;

  @BeforeAll
  void listen(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
    context.addApplicationListener(
        (ApplicationListener<PayloadApplicationEvent<SlaAlert>>) e -> alerts.add(e.getPayload()));
  }

  List<String> alertsFor(String id) {
    return alerts.stream()
        .filter(a -> a.complaint().id().toString().equals(id))
        .map(a -> a.target() + ":" + a.level())
        .toList();
  }

  long rows(String id) {
    return jdbc.sql("SELECT count(*) FROM sla_alerts WHERE complaint_id = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  @Test
  void warningThenBreachThenOneReAlertADay() {
    JsonNode c = fixtures.submit();
    String id = c.get("id").asString();
    Instant due = Instant.parse(c.get("response_due_at").asString());
    Instant created = Instant.parse(c.get("created_at").asString());

    escalation.escalate(created.plusSeconds(1));
    assertThat(alertsFor(id)).isEmpty();

    Instant warn =
        Instant.parse(
            jdbc.sql("SELECT warn_at FROM complaints WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .optional()
                .map(Instant::ofEpochMilli)
                .orElseThrow()
                .toString());
    escalation.escalate(warn);
    escalation.escalate(warn.plusSeconds(60));
    assertThat(alertsFor(id)).containsExactly("response:warning");

    escalation.escalate(due);
    escalation.escalate(due.plusSeconds(60));
    assertThat(alertsFor(id)).containsExactly("response:warning", "response:breach");

    escalation.escalate(due.plus(Duration.ofDays(1)));
    escalation.escalate(due.plus(Duration.ofDays(1)).plusSeconds(60));
    assertThat(alertsFor(id))
        .containsExactly("response:warning", "response:breach", "response:breach");
    assertThat(rows(id)).isEqualTo(3);
  }

  @Test
  void onHoldAndResolvedComplaintsAreNotChased() {
    Fixtures.Staff porter = fixtures.porter();
    JsonNode held = fixtures.submit();
    String heldId = held.get("id").asString();
    fixtures.assign(heldId, porter.id());
    fixtures.move(heldId, "in_progress");
    assertThat(
            api.patch(
                    "/api/v1/complaints/" + heldId + "/status",
                    porter.token(),
                    Map.of("status", "on_hold", "reason", "parts"))
                .status())
        .isEqualTo(200);
    String doneId = fixtures.submit().get("id").asString();
    fixtures.move(doneId, "in_progress");
    fixtures.move(doneId, "resolved");

    escalation.escalate(Instant.now().plus(Duration.ofDays(30)));
    assertThat(alertsFor(heldId)).isEmpty();
    assertThat(alertsFor(doneId)).isEmpty();
  }

  @Test
  void twoRunsAtOnceSendEachAlertOnce() throws Exception {
    JsonNode c = fixtures.submit();
    String id = c.get("id").asString();
    Instant late = Instant.parse(c.get("resolution_due_at").asString()).plusSeconds(1);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs =
          List.of(
              pool.submit(
                  () -> {
                    start.await();
                    return escalation.escalate(late);
                  }),
              pool.submit(
                  () -> {
                    start.await();
                    return escalation.escalate(late);
                  }));
      start.countDown();
      for (Future<Integer> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }
    // Never acted on: the response target is the one that is late.
    assertThat(alertsFor(id)).containsExactly("response:breach");
    assertThat(rows(id)).isEqualTo(1);
  }
}
