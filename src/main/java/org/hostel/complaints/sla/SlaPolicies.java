package org.hostel.complaints.sla;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hostel.complaints.complaint.Priority;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Response and resolution targets per category and priority, in minutes of business time. A row for
 * the category wins over the row for every category ({@code *}), which wins over the default:
 * urgent 1 h / 8 h, high 4 h / 24 h, normal 1 / 3 working days, low 3 / 10 working days.
 */
@Component
class SlaPolicies {

  static final String EVERY_CATEGORY = "*";

  /** The longest target accepted: a year of business time. */
  static final long MAX_MINUTES = 366L * 24 * 60;

  private final JdbcClient jdbc;
  private final Clock clock;

  SlaPolicies(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One policy line; {@code custom} when an admin set it. */
  record Target(
      String category,
      Priority priority,
      long responseMinutes,
      long resolutionMinutes,
      boolean custom) {}

  static Target defaultTarget(Priority priority, Duration workingDay) {
    long day = workingDay.toMinutes();
    return switch (priority) {
      case URGENT -> new Target(EVERY_CATEGORY, priority, 60, 8 * 60, false);
      case HIGH -> new Target(EVERY_CATEGORY, priority, 4 * 60, 24 * 60, false);
      case NORMAL -> new Target(EVERY_CATEGORY, priority, day, 3 * day, false);
      case LOW -> new Target(EVERY_CATEGORY, priority, 3 * day, 10 * day, false);
    };
  }

  Target target(String category, Priority priority, Duration workingDay) {
    return stored(category, priority)
        .or(() -> stored(EVERY_CATEGORY, priority))
        .orElseGet(() -> defaultTarget(priority, workingDay));
  }

  /** Every stored line and the defaults for priorities without a line for every category. */
  List<Target> all(java.util.function.Function<Priority, Duration> workingDay) {
    List<Target> rows =
        new ArrayList<>(
            jdbc.sql(
                    """
                    SELECT category, priority, response_minutes, resolution_minutes
                    FROM sla_policies ORDER BY category, priority
                    """)
                .query(
                    (rs, n) ->
                        new Target(
                            rs.getString(1),
                            Priority.fromValue(rs.getString(2)),
                            rs.getLong(3),
                            rs.getLong(4),
                            true))
                .list());
    for (Priority p : Priority.values()) {
      if (rows.stream()
          .noneMatch(t -> t.custom() && t.category().equals(EVERY_CATEGORY) && t.priority() == p)) {
        rows.add(defaultTarget(p, workingDay.apply(p)));
      }
    }
    return rows;
  }

  void save(String category, Priority priority, long response, long resolution) {
    jdbc.sql(
            """
            INSERT INTO sla_policies
                (category, priority, response_minutes, resolution_minutes, updated_at)
            VALUES (:category, :priority, :response, :resolution, :at)
            ON CONFLICT (category, priority) DO UPDATE SET
                response_minutes = excluded.response_minutes,
                resolution_minutes = excluded.resolution_minutes, updated_at = excluded.updated_at
            """)
        .params(params(category, priority, response, resolution))
        .update();
  }

  private java.util.Map<String, Object> params(
      String category, Priority priority, long response, long resolution) {
    return java.util.Map.of(
        "category", category,
        "priority", priority.value(),
        "response", response,
        "resolution", resolution,
        "at", clock.instant().toEpochMilli());
  }

  private Optional<Target> stored(@Nullable String category, Priority priority) {
    return jdbc.sql(
            """
            SELECT response_minutes, resolution_minutes FROM sla_policies
            WHERE category = :category AND priority = :priority
            """)
        .param("category", category)
        .param("priority", priority.value())
        .query((rs, n) -> new Target(category, priority, rs.getLong(1), rs.getLong(2), true))
        .optional();
  }
}
