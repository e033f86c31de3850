package org.hostel.complaints.complaint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes finished complaints past their retention, in batches. Open complaints are never touched:
 * the delete itself re-checks the status, so a complaint reopened meanwhile survives.
 */
@Service
@EnableConfigurationProperties(PurgeSettings.class)
class PurgeService {

  private static final int BATCH = 500;

  private final ComplaintRepository complaints;
  private final PurgeSettings settings;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ComplaintPolicy policy;
  private final MeterRegistry meters;
  private final Audit audit;

  PurgeService(
      ComplaintRepository complaints,
      ComplaintPolicy policy,
      PurgeSettings settings,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      Clock clock,
      MeterRegistry meters,
      Audit audit) {
    this.meters = meters;
    for (String trigger : List.of("request", "schedule")) {
      for (Status status : Status.finished()) {
        purged(status, trigger);
      }
    }
    this.audit = audit;
    this.complaints = complaints;
    this.policy = policy;
    this.settings = settings;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  record Outcome(boolean dryRun, Map<Status, List<UUID>> removed) {}

  /**
   * @param among when given, only these complaints are candidates (a load test removing what it
   *     made); still only finished ones, and with no {@code daysOld} whatever their age
   */
  Outcome purge(
      Caller caller,
      @Nullable Status only,
      @Nullable Integer daysOld,
      boolean dryRun,
      @Nullable List<UUID> among) {
    Rights.purge(caller);
    if (only != null && !only.isFinished()) {
      throw ValidationFailed.of(
          "complaint_status", "only resolved or closed complaints can be purged");
    }
    return run(clock.instant(), only, daysOld, dryRun, among, caller);
  }

  /**
   * The retention as configured, at {@code now}: what the schedule runs, and (dry) what it would
   * remove.
   */
  Outcome due(Instant now, boolean dryRun) {
    return run(now, null, null, dryRun, null, null);
  }

  private Outcome run(
      Instant now,
      @Nullable Status only,
      @Nullable Integer daysOld,
      boolean dryRun,
      @Nullable List<UUID> among,
      @Nullable Caller caller) {
    String trigger = caller == null ? "schedule" : "request";
    Map<Status, List<UUID>> removed = new LinkedHashMap<>();
    for (Status status : List.of(Status.RESOLVED, Status.CLOSED)) {
      if (only != null && only != status) {
        continue;
      }
      Duration keep =
          daysOld != null
              ? Duration.ofDays(daysOld)
              : status == Status.RESOLVED ? settings.resolvedAfter() : settings.closedAfter();
      // Named complaints go whatever their age, even one finished this very millisecond.
      Instant before = among != null && daysOld == null ? now.plusMillis(1) : now.minus(keep);
      List<UUID> candidates =
          among == null
              ? complaints.finishedBefore(status, before)
              : complaints.finishedBefore(status, before, among);
      List<UUID> done = new ArrayList<>();
      if (dryRun) {
        done.addAll(candidates);
      } else {
        for (int from = 0; from < candidates.size(); from += BATCH) {
          List<UUID> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
          List<UUID> deleted =
              tx.execute(
                  s -> {
                    List<UUID> gone = complaints.deleteFinished(batch, before);
                    events.publishEvent(new ComplaintsPurged(gone));
                    return gone;
                  });
          done.addAll(deleted);
        }
        purged(status, trigger).increment(done.size());
      }
      removed.put(status, done);
    }
    if (!dryRun) {
      StringBuilder counts = new StringBuilder();
      removed.forEach(
          (status, ids) ->
              counts
                  .append(counts.isEmpty() ? "removed " : ", ")
                  .append(ids.size())
                  .append(' ')
                  .append(status.value()));
      audit.record(
          "purge.run",
          caller == null ? null : caller.staffId(),
          caller == null ? "schedule" : caller.isIntegration() ? "integration" : null,
          null,
          counts.isEmpty() ? "removed nothing" : counts.toString());
    }
    return new Outcome(dryRun, removed);
  }

  /** {@code complaints_purged_total}, by status and by what started the purge. */
  private Counter purged(Status status, String trigger) {
    return Counter.builder("complaints.purged")
        .description("Finished complaints removed for good by the retention purge")
        .tag("status", status.value())
        .tag("trigger", trigger)
        .register(meters);
  }
}
