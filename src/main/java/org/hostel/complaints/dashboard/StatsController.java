package org.hostel.complaints.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Figures for staff: the counts per status in the dashboard's header strip and the statistics page.
 * Each figure covers only what the caller may see, exactly as the complaint list does.
 */
@RestController
class StatsController {

  private static final List<String> STATUSES =
      List.of("reported", "in_progress", "resolved", "closed");

  private final StatsRepository stats;
  private final Clock clock;

  StatsController(StatsRepository stats, Clock clock) {
    this.stats = stats;
    this.clock = clock;
  }

  record CountsResponse(long total, Map<String, Long> byStatus) {}

  record HostelCount(String hostel, long count) {}

  record CategoryCount(String category, long count) {}

  record DayCount(LocalDate date, long count) {}

  record StatsResponse(
      Instant generatedAt,
      int days,
      long total,
      Map<String, Long> byStatus,
      long open,
      List<HostelCount> openByHostel,
      List<CategoryCount> openByCategory,
      List<DayCount> createdPerDay,
      long resolvedInPeriod,
      @Nullable Long medianResolutionSeconds) {}

  @GetMapping("/api/v1/complaints/counts")
  CountsResponse counts(Caller caller) {
    Map<String, Long> byStatus = byStatus(scope(caller));
    return new CountsResponse(total(byStatus), byStatus);
  }

  /**
   * @param days how far back "created per day" and "median time to resolve" look, in UTC days
   *     including today
   */
  @GetMapping("/api/v1/complaints/stats")
  StatsResponse stats(
      Caller caller, @RequestParam(defaultValue = "30") @Min(1) @Max(366) int days) {
    UUID porter = scope(caller);
    Instant now = clock.instant();
    long today = Math.floorDiv(now.toEpochMilli(), StatsRepository.DAY_MILLIS);
    long firstDay = today - days + 1;
    Instant since = Instant.ofEpochMilli(firstDay * StatsRepository.DAY_MILLIS);
    Map<String, Long> byStatus = byStatus(porter);
    Map<Long, Long> perDay = stats.createdPerDay(since, porter);
    List<DayCount> created = new ArrayList<>();
    for (long day = firstDay; day <= today; day++) {
      created.add(new DayCount(LocalDate.ofEpochDay(day), perDay.getOrDefault(day, 0L)));
    }
    StatsRepository.Resolution resolution = stats.resolution(since, porter);
    return new StatsResponse(
        now,
        days,
        total(byStatus),
        byStatus,
        byStatus.get("reported") + byStatus.get("in_progress"),
        stats.openBy("hostel", porter).stream()
            .map(c -> new HostelCount(c.key(), c.count()))
            .toList(),
        stats.openBy("category", porter).stream()
            .map(c -> new CategoryCount(c.key(), c.count()))
            .toList(),
        created,
        resolution.count(),
        resolution.medianMillis() == null ? null : resolution.medianMillis() / 1000);
  }

  private Map<String, Long> byStatus(@Nullable UUID porter) {
    Map<String, Long> stored = stats.byStatus(porter);
    Map<String, Long> all = new LinkedHashMap<>();
    STATUSES.forEach(s -> all.put(s, stored.getOrDefault(s, 0L)));
    return all;
  }

  private static long total(Map<String, Long> byStatus) {
    return byStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Staff only; a porter's figures are limited to their own view. */
  private static @Nullable UUID scope(Caller caller) {
    if (!caller.isStaff()) {
      throw AccessDenied.because("Only staff may read complaint figures");
    }
    return caller.isPorter() ? caller.staffId() : null;
  }
}
