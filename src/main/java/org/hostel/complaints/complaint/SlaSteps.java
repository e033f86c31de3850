package org.hostel.complaints.complaint;

import java.time.Duration;
import java.time.Instant;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;

/**
 * How a change moves a complaint's SLA clock: the first staff action answers the response target;
 * resolving stops the resolution clock (reopening starts it again); holding pauses both, and the
 * business time spent on hold pushes the targets back on release; a new priority sets new targets.
 */
final class SlaSteps {

  private SlaSteps() {}

  /** The clock of a new complaint, started at its creation. */
  static Sla start(Complaint c, @Nullable ServiceLevels levels) {
    return levels == null
        ? Sla.NONE
        : Sla.NONE.targets(
            levels.targets(c.category(), c.priority(), c.createdAt(), Duration.ZERO));
  }

  static Sla next(
      Complaint before, Complaint after, Caller by, Instant now, @Nullable ServiceLevels levels) {
    Sla sla = before.sla();
    if (sla.respondedAt() == null && by.isStaff()) {
      sla = sla.responded(now);
    }
    boolean wasDone = before.status().isFinished();
    boolean isDone = after.status().isFinished();
    if (!wasDone && isDone) {
      sla = sla.resolved(now);
    } else if (wasDone && !isDone) {
      sla = sla.resolved(null);
    }
    boolean retarget = before.priority() != after.priority();
    if (before.status() != Status.ON_HOLD && after.status() == Status.ON_HOLD) {
      sla = sla.held(now, sla.pausedMillis());
    } else if (before.status() == Status.ON_HOLD && after.status() != Status.ON_HOLD) {
      Instant since = sla.heldSince() == null ? now : sla.heldSince();
      long paused =
          levels == null ? 0 : levels.businessTime(before.priority(), since, now).toMillis();
      sla = sla.held(null, sla.pausedMillis() + paused);
      retarget = true;
    }
    if (retarget && levels != null && sla.responseDueAt() != null) {
      sla =
          sla.targets(
              levels.targets(
                  after.category(),
                  after.priority(),
                  after.createdAt(),
                  Duration.ofMillis(sla.pausedMillis())));
    }
    return sla;
  }
}
