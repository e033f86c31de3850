package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.junit.jupiter.api.Test;

/**
 * How changes move the SLA clock, with a round-the-clock calendar (business time is wall time) and
 * targets of 1 h to respond and 10 h to resolve.
 */
class SlaStepsTests {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Caller PORTER =
      new Caller(Caller.Kind.PORTER, UUID.randomUUID(), "jti", T0.plusSeconds(3600));

  static final ServiceLevels ROUND_THE_CLOCK =
      new ServiceLevels() {
        @Override
        public Targets targets(String category, Priority priority, Instant start, Duration paused) {
          Duration response = Duration.ofHours(priority == Priority.URGENT ? 1 : 2);
          Duration resolution = Duration.ofHours(10);
          return new Targets(
              start.plus(response).plus(paused),
              start.plus(resolution).plus(paused),
              start.plus(response.multipliedBy(8).dividedBy(10)).plus(paused),
              start.plus(resolution.multipliedBy(8).dividedBy(10)).plus(paused));
        }

        @Override
        public Duration businessTime(Priority priority, Instant from, Instant to) {
          return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }
      };

  static Complaint complaint(Status status, Priority priority, Sla sla) {
    return new Complaint(
        UUID.randomUUID(),
        1,
        null,
        "block-a",
        "A",
        "A1",
        "plumbing",
        "Tap",
        Severity.MEDIUM,
        status,
        PORTER.staffId(),
        null,
        1,
        T0,
        T0,
        priority,
        null,
        sla);
  }

  static Complaint fresh(Status status, Priority priority) {
    Complaint c = complaint(status, priority, Sla.NONE);
    return c.with(priority, null, SlaSteps.start(c, ROUND_THE_CLOCK));
  }

  static Complaint move(Complaint before, Status to, Instant now) {
    Complaint after = before.with(to, before.assignedPorterId(), before.version(), now);
    Sla sla = SlaSteps.next(before, after, PORTER, now, ROUND_THE_CLOCK);
    return after.with(after.priority(), null, sla);
  }

  @Test
  void aNewComplaintStartsItsClockAtSubmission() {
    Sla sla = fresh(Status.REPORTED, Priority.NORMAL).sla();
    assertThat(sla.responseDueAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(sla.resolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(10)));
    assertThat(sla.nextDue()).isEqualTo(sla.responseDueAt());
    assertThat(sla.nextWarn()).isEqualTo(T0.plus(Duration.ofMinutes(96)));
  }

  @Test
  void theFirstStaffActionAnswersTheResponseTarget() {
    Complaint started =
        move(fresh(Status.REPORTED, Priority.NORMAL), Status.IN_PROGRESS, T0.plusSeconds(1800));
    assertThat(started.sla().respondedAt()).isEqualTo(T0.plusSeconds(1800));
    assertThat(started.sla().nextDue()).isEqualTo(T0.plus(Duration.ofHours(10)));
    assertThat(started.sla().responseBreached(T0.plus(Duration.ofHours(5)))).isFalse();
  }

  @Test
  void aLateResponseStaysBreached() {
    Complaint started =
        move(
            fresh(Status.REPORTED, Priority.NORMAL),
            Status.IN_PROGRESS,
            T0.plus(Duration.ofHours(3)));
    assertThat(started.sla().responseBreached(T0.plus(Duration.ofHours(3)))).isTrue();
    assertThat(started.sla().resolutionBreached(T0.plus(Duration.ofHours(3)))).isFalse();
  }

  @Test
  void holdingPausesTheClockAndReleasingPushesTheTargetsBack() {
    Complaint working =
        move(fresh(Status.REPORTED, Priority.NORMAL), Status.IN_PROGRESS, T0.plusSeconds(600));
    Complaint held = move(working, Status.ON_HOLD, T0.plus(Duration.ofHours(1)));
    assertThat(held.sla().heldSince()).isEqualTo(T0.plus(Duration.ofHours(1)));
    // long after the target, but the clock stood still while on hold
    assertThat(held.sla().resolutionBreached(T0.plus(Duration.ofHours(30)))).isFalse();

    Complaint released = move(held, Status.IN_PROGRESS, T0.plus(Duration.ofHours(4)));
    assertThat(released.sla().heldSince()).isNull();
    assertThat(released.sla().pausedMillis()).isEqualTo(Duration.ofHours(3).toMillis());
    assertThat(released.sla().resolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(13)));
    assertThat(released.sla().responseDueAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
    assertThat(released.sla().respondedAt()).isEqualTo(T0.plusSeconds(600));

    Complaint again =
        move(
            move(released, Status.ON_HOLD, T0.plus(Duration.ofHours(5))),
            Status.IN_PROGRESS,
            T0.plus(Duration.ofHours(7)));
    assertThat(again.sla().resolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(15)));
  }

  @Test
  void resolvingStopsTheResolutionClockAndReopeningStartsItAgain() {
    Complaint working =
        move(fresh(Status.REPORTED, Priority.NORMAL), Status.IN_PROGRESS, T0.plusSeconds(600));
    Complaint resolved = move(working, Status.RESOLVED, T0.plus(Duration.ofHours(9)));
    assertThat(resolved.sla().nextDue()).isNull();
    assertThat(resolved.sla().resolutionBreached(T0.plus(Duration.ofDays(3)))).isFalse();
    Complaint reopened = move(resolved, Status.IN_PROGRESS, T0.plus(Duration.ofHours(11)));
    assertThat(reopened.sla().resolvedAt()).isNull();
    assertThat(reopened.sla().resolutionBreached(T0.plus(Duration.ofHours(11)))).isTrue();
  }

  @Test
  void aNewPrioritySetsNewTargetsFromTheSubmission() {
    Complaint normal = fresh(Status.REPORTED, Priority.NORMAL);
    Complaint urgent = normal.with(Priority.URGENT, null, normal.sla());
    Sla sla = SlaSteps.next(normal, urgent, PORTER, T0.plusSeconds(60), ROUND_THE_CLOCK);
    assertThat(sla.responseDueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
  }
}
