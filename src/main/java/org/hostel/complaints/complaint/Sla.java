package org.hostel.complaints.complaint;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A complaint's SLA clock as stored: its targets (null when no clock runs, e.g. for complaints
 * stored before SLAs existed), when staff first acted, when it was resolved, since when it is on
 * hold and how much business time it spent on hold before.
 */
public record Sla(
    @Nullable Instant responseDueAt,
    @Nullable Instant resolutionDueAt,
    @Nullable Instant responseWarnAt,
    @Nullable Instant resolutionWarnAt,
    @Nullable Instant respondedAt,
    @Nullable Instant resolvedAt,
    @Nullable Instant heldSince,
    long pausedMillis) {

  static final Sla NONE = new Sla(null, null, null, null, null, null, null, 0);

  /** The next target still open: the response until staff acted, then the resolution. */
  public @Nullable Instant nextDue() {
    if (respondedAt == null) {
      return responseDueAt;
    }
    return resolvedAt == null ? resolutionDueAt : null;
  }

  /** When 80 % of {@link #nextDue()}'s target has passed. */
  public @Nullable Instant nextWarn() {
    if (respondedAt == null) {
      return responseWarnAt;
    }
    return resolvedAt == null ? resolutionWarnAt : null;
  }

  /** Whether the response came, or will come, after its target; the clock stops on hold. */
  public boolean responseBreached(Instant now) {
    return late(responseDueAt, respondedAt, now);
  }

  public boolean resolutionBreached(Instant now) {
    return late(resolutionDueAt, resolvedAt, now);
  }

  private boolean late(@Nullable Instant due, @Nullable Instant done, Instant now) {
    if (due == null) {
      return false;
    }
    Instant until = done != null ? done : heldSince != null ? heldSince : now;
    return until.isAfter(due);
  }

  Sla targets(ServiceLevels.@Nullable Targets t) {
    return t == null
        ? this
        : new Sla(
            t.responseDue(),
            t.resolutionDue(),
            t.responseWarn(),
            t.resolutionWarn(),
            respondedAt,
            resolvedAt,
            heldSince,
            pausedMillis);
  }

  Sla responded(@Nullable Instant at) {
    return new Sla(
        responseDueAt,
        resolutionDueAt,
        responseWarnAt,
        resolutionWarnAt,
        at,
        resolvedAt,
        heldSince,
        pausedMillis);
  }

  Sla resolved(@Nullable Instant at) {
    return new Sla(
        responseDueAt,
        resolutionDueAt,
        responseWarnAt,
        resolutionWarnAt,
        respondedAt,
        at,
        heldSince,
        pausedMillis);
  }

  Sla held(@Nullable Instant since, long paused) {
    return new Sla(
        responseDueAt,
        resolutionDueAt,
        responseWarnAt,
        resolutionWarnAt,
        respondedAt,
        resolvedAt,
        since,
        paused);
  }
}
