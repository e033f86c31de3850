package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hostel.complaints.observability.Scrape;
import org.hostel.complaints.scheduling.Lease;
import org.hostel.complaints.scheduling.Leases;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The retention purge run by the schedule, with the run's clock given by the test, in a context of
 * its own (it removes every finished complaint there): a dry-run report first, one instance at a
 * time through the lease, the counts on {@code /metrics}.
 */
abstract class ScheduledPurgeSuite {

  static void ownContext(DynamicPropertyRegistry registry) {
    // Off, so only the test starts runs; a context of its own, as the test purges everything.
    registry.add("complaints.purge.schedule", () -> "-");
  }

  @Autowired ScheduledPurge scheduled;
  @Autowired Leases leases;

  @Test
  void theScheduleRemovesWhatIsPastRetentionOnOneInstanceAtATime(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    String open = fixtures.submit().get("id").asString();
    String resolved = fixtures.submit().get("id").asString();
    fixtures.move(resolved, "in_progress");
    fixtures.move(resolved, "resolved");
    String closed = fixtures.submit().get("id").asString();
    fixtures.move(closed, "in_progress");
    fixtures.move(closed, "resolved");
    fixtures.move(closed, "closed");

    JsonNode report = api.get("/api/v1/admin/purge/schedule", admin).json();
    assertThat(report.get("enabled").asBoolean()).isFalse();
    assertThat(report.get("next_run").isNull()).isTrue();
    assertThat(report.get("resolved_after_days").asLong()).isEqualTo(90);
    assertThat(report.get("would_remove").get("closed").asInt()).isZero();
    assertThat(api.get("/api/v1/admin/purge/schedule", fixtures.porter().token()).status())
        .isEqualTo(403);

    Instant later = Instant.now().plus(Duration.ofDays(60));
    try (Lease other =
        leases.tryAcquire(ScheduledPurge.LEASE, Duration.ofMinutes(1)).orElseThrow()) {
      assertThat(other.held()).isTrue();
      assertThat(scheduled.runAt(later)).as("another instance holds the run").isEmpty();
    }
    assertThat(api.get("/api/v1/complaints/" + closed, admin).status()).isEqualTo(200);

    // 60 days on: closed complaints (30 days) go, resolved ones (90 days) stay
    PurgeService.Outcome first = scheduled.runAt(later).orElseThrow();
    assertThat(first.removed().get(Status.CLOSED)).extracting(Object::toString).contains(closed);
    assertThat(api.get("/api/v1/complaints/" + closed, admin).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/complaints/" + resolved, admin).status()).isEqualTo(200);

    PurgeService.Outcome second = scheduled.runAt(later.plus(Duration.ofDays(40))).orElseThrow();
    assertThat(second.removed().get(Status.RESOLVED))
        .extracting(Object::toString)
        .contains(resolved);
    assertThat(api.get("/api/v1/complaints/" + resolved, admin).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/complaints/" + open, admin).status()).isEqualTo(200);

    Scrape metrics = Scrape.parse(api.get("/metrics", TestSetup.METRICS_TOKEN).body());
    assertThat(
            metrics.value(
                "complaints_purged_total", Map.of("status", "closed", "trigger", "schedule")))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            metrics.value(
                "complaints_purged_total", Map.of("status", "resolved", "trigger", "request")))
        .isGreaterThanOrEqualTo(0);
  }
}
