package org.hostel.complaints.complaint;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hostel.complaints.staff.Caller;
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

  private final StatsRepository stats;
  private final ComplaintPolicy policy;
  private final Clock clock;
  private final RatingRepository ratings;

  StatsController(
      StatsRepository stats, ComplaintPolicy policy, Clock clock, RatingRepository ratings) {
    this.stats = stats;
    this.ratings = ratings;
    this.policy = policy;
    this.clock = clock;
  }

  record CountsResponse(long total, Map<String, Long> byStatus) {}

  record HostelCount(String hostel, long count) {}

  record CategoryCount(String category, long count) {}

  record DayCount(LocalDate date, long count) {}

  record HostelRating(String hostel, double average, long count) {}

  /** {@code porterId} null for ratings of complaints nobody was assigned. */
  record PorterRating(@Nullable String porterId, double average, long count) {}

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
      @Nullable Long medianResolutionSeconds,
      List<HostelRating> ratingByHostel,
      List<PorterRating> ratingByPorter) {}

  @Operation(
      summary = "Counts per status",
      description = "How many complaints the caller may see, in total and per status.")
  @GetMapping("/api/v1/complaints/counts")
  CountsResponse counts(Caller caller) {
    Map<String, Long> byStatus = byStatus(scope(caller));
    return new CountsResponse(total(byStatus), byStatus);
  }

  /**
   * @param days how far back "created per day" and "median time to resolve" look, in UTC days
   *     including today
   */
  @Operation(
      summary = "Statistics",
      description =
          "Open complaints by status, hostel and category, complaints created per UTC day over `days` (1–366) and the median time to first resolution; a porter's figures cover their own view.")
  @GetMapping("/api/v1/complaints/stats")
  StatsResponse stats(
      Caller caller, @RequestParam(defaultValue = "30") @Min(1) @Max(366) int days) {
    ComplaintPolicy.Condition visible = scope(caller);
    Instant now = clock.instant();
    long today = Math.floorDiv(now.toEpochMilli(), StatsRepository.DAY_MILLIS);
    long firstDay = today - days + 1;
    Instant since = Instant.ofEpochMilli(firstDay * StatsRepository.DAY_MILLIS);
    Map<String, Long> byStatus = byStatus(visible);
    Map<Long, Long> perDay = stats.createdPerDay(since, visible);
    List<DayCount> created = new ArrayList<>();
    for (long day = firstDay; day <= today; day++) {
      created.add(new DayCount(LocalDate.ofEpochDay(day), perDay.getOrDefault(day, 0L)));
    }
    StatsRepository.Resolution resolution = stats.resolution(since, visible);
    return new StatsResponse(
        now,
        days,
        total(byStatus),
        byStatus,
        Status.open().stream().mapToLong(s -> byStatus.get(s.value())).sum(),
        stats.openBy("hostel", visible).stream()
            .map(c -> new HostelCount(c.key(), c.count()))
            .toList(),
        stats.openBy("category", visible).stream()
            .map(c -> new CategoryCount(c.key(), c.count()))
            .toList(),
        created,
        resolution.count(),
        resolution.medianMillis() == null ? null : resolution.medianMillis() / 1000,
        ratings.averageBy("hostel", visible).stream()
            .map(a -> new HostelRating(String.valueOf(a.key()), round(a.average()), a.count()))
            .toList(),
        ratings.averageBy("assigned_porter_id", visible).stream()
            .map(a -> new PorterRating(a.key(), round(a.average()), a.count()))
            .toList());
  }

  private static double round(double average) {
    return Math.round(average * 100) / 100.0;
  }

  private Map<String, Long> byStatus(ComplaintPolicy.Condition visible) {
    Map<String, Long> stored = stats.byStatus(visible);
    Map<String, Long> all = new LinkedHashMap<>();
    for (Status status : Status.values()) {
      all.put(status.value(), stored.getOrDefault(status.value(), 0L));
    }
    return all;
  }

  private static long total(Map<String, Long> byStatus) {
    return byStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Staff only, and each sees figures over what they may see. */
  private ComplaintPolicy.Condition scope(Caller caller) {
    Rights.figures(caller);
    return policy.visibleTo(caller, "c");
  }
}
