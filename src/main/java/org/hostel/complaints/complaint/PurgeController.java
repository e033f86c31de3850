package org.hostel.complaints.complaint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PurgeController {

  private final PurgeService purge;
  private final ScheduledPurge schedule;
  private final PurgeSettings settings;
  private final ComplaintPolicy policy;
  private final Clock clock;

  PurgeController(
      PurgeService purge,
      ScheduledPurge schedule,
      PurgeSettings settings,
      ComplaintPolicy policy,
      Clock clock) {
    this.purge = purge;
    this.schedule = schedule;
    this.settings = settings;
    this.policy = policy;
    this.clock = clock;
  }

  /** The schedule, and what its next run would remove if it ran now. */
  record ScheduleReport(
      boolean enabled,
      String schedule,
      @Nullable Instant nextRun,
      long resolvedAfterDays,
      long closedAfterDays,
      Map<String, Integer> wouldRemove) {}

  @Operation(
      summary = "The scheduled purge and its dry run",
      description =
          "Admins see whether the purge runs by itself (`COMPLAINTS_PURGE_SCHEDULE`, a cron expression in UTC, nightly by default, `-` for off), when it runs next, the retention, and `would_remove`: how many resolved and closed complaints a run would remove now (a dry run; nothing changes).")
  @GetMapping("/api/v1/admin/purge/schedule")
  ScheduleReport schedule(Caller caller) {
    Rights.purge(caller);
    Instant now = clock.instant();
    Map<String, Integer> would = new LinkedHashMap<>();
    purge.due(now, true).removed().forEach((s, ids) -> would.put(s.value(), ids.size()));
    return new ScheduleReport(
        settings.scheduled(),
        settings.schedule(),
        schedule.nextRun(now),
        settings.resolvedAfter().toDays(),
        settings.closedAfter().toDays(),
        would);
  }

  /** Every field optional; no body at all means the default retention per finished status. */
  record PurgeRequest(
      @Nullable Status complaintStatus,
      @Nullable @Min(0) @Max(36_500) Integer daysOld,
      @Nullable Boolean dryRun,
      @Schema(
              description =
                  "Only these complaints (at most 500), e.g. a load test removing its own data;"
                      + " still only resolved or closed ones, of any age unless days_old is given")
          @Nullable
          @Size(max = 500)
          List<UUID> complaintIds) {}

  record PurgeResponse(
      boolean dryRun, int deletedCount, Map<String, Integer> byStatus, List<UUID> deletedIds) {}

  @Operation(
      summary = "Purge finished complaints",
      description =
          "Removes resolved and closed complaints older than the retention (admins). `dry_run: true` only counts. No body: the default retention per status.")
  @DeleteMapping("/api/v1/admin/purge")
  PurgeResponse purge(
      Caller caller, @Valid @RequestBody(required = false) @Nullable PurgeRequest body) {
    PurgeRequest request = body == null ? new PurgeRequest(null, null, null, null) : body;
    PurgeService.Outcome outcome =
        purge.purge(
            caller,
            request.complaintStatus(),
            request.daysOld(),
            Boolean.TRUE.equals(request.dryRun()),
            request.complaintIds());
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    List<UUID> ids = new ArrayList<>();
    outcome
        .removed()
        .forEach(
            (status, removed) -> {
              byStatus.put(status.value(), removed.size());
              ids.addAll(removed);
            });
    return new PurgeResponse(outcome.dryRun(), ids.size(), byStatus, ids);
  }
}
