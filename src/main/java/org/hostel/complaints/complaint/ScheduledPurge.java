package org.hostel.complaints.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hostel.complaints.scheduling.Lease;
import org.hostel.complaints.scheduling.Leases;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The retention purge on its own, at {@code COMPLAINTS_PURGE_SCHEDULE} (nightly by default, {@code
 * -} for never), on one instance at a time: the run holds the lease {@value #LEASE}, and an
 * instance that finds it held skips that run. Every run is logged with its counts; photos go with
 * their complaints ({@link ComplaintsPurged}); {@code complaints_purged_total} counts them.
 */
@Component
class ScheduledPurge {

  static final String LEASE = "complaints-purge";

  private static final Logger log = LoggerFactory.getLogger(ScheduledPurge.class);
  private static final Duration HOLD = Duration.ofHours(1);

  private final PurgeService purge;
  private final PurgeSettings settings;
  private final Leases leases;
  private final Clock clock;

  ScheduledPurge(PurgeService purge, PurgeSettings settings, Leases leases, Clock clock) {
    this.purge = purge;
    this.settings = settings;
    this.leases = leases;
    this.clock = clock;
  }

  @Scheduled(cron = "${complaints.purge.schedule:" + PurgeSettings.NIGHTLY + "}", zone = "UTC")
  void onSchedule() {
    runAt(clock.instant());
  }

  /**
   * One scheduled run as at {@code now}.
   *
   * @return what it removed, or empty when another instance holds the run
   */
  Optional<PurgeService.Outcome> runAt(Instant now) {
    Optional<Lease> lease = leases.tryAcquire(LEASE, HOLD);
    if (lease.isEmpty()) {
      log.info("Scheduled purge skipped: another instance is running it");
      return Optional.empty();
    }
    try (Lease held = lease.get()) {
      long started = System.nanoTime();
      PurgeService.Outcome outcome = purge.due(now, false);
      log.info(
          "Scheduled purge removed {} resolved and {} closed complaints (older than {} and {})"
              + " in {} ms",
          outcome.removed().getOrDefault(Status.RESOLVED, java.util.List.of()).size(),
          outcome.removed().getOrDefault(Status.CLOSED, java.util.List.of()).size(),
          settings.resolvedAfter(),
          settings.closedAfter(),
          (System.nanoTime() - started) / 1_000_000);
      return Optional.of(outcome);
    }
  }

  /** When the schedule runs next after {@code now}; null when it is off. */
  @Nullable Instant nextRun(Instant now) {
    if (!settings.scheduled()) {
      return null;
    }
    var next = CronExpression.parse(settings.schedule()).next(now.atZone(ZoneOffset.UTC));
    return next == null ? null : next.toInstant();
  }
}
