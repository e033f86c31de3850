package org.hostel.complaints.complaint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only figures over the complaints tables, in SQL that SQLite and PostgreSQL both run. Every
 * figure covers only the rows {@code visible} admits: the caller's view from {@link
 * ComplaintPolicy#visibleTo} on the alias {@code c}, exactly as the complaint list does.
 */
@Repository
class StatsRepository {

  static final long DAY_MILLIS = 86_400_000L;

  private final JdbcClient jdbc;

  StatsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Count(String key, long count) {}

  record Resolution(long count, @Nullable Long medianMillis) {}

  Map<String, Long> byStatus(ComplaintPolicy.Condition visible) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Count c :
        counts(
            "SELECT status, count(*) FROM complaints c WHERE " + visible.sql() + " GROUP BY status",
            visible.params())) {
      counts.put(c.key(), c.count());
    }
    return counts;
  }

  /** Open complaints per value of a column, largest first. */
  List<Count> openBy(String column, ComplaintPolicy.Condition visible) {
    if (!column.equals("hostel") && !column.equals("category")) {
      throw new IllegalArgumentException(column);
    }
    Map<String, Object> params = new LinkedHashMap<>(visible.params());
    params.put("open", Status.open().stream().map(Status::value).toList());
    return counts(
        "SELECT "
            + column
            + ", count(*) FROM complaints c WHERE status IN (:open) AND "
            + visible.sql()
            + " GROUP BY "
            + column
            + " ORDER BY count(*) DESC, "
            + column,
        params);
  }

  /** Complaints created per UTC day since {@code since}, keyed by the day's number since 1970. */
  Map<Long, Long> createdPerDay(Instant since, ComplaintPolicy.Condition visible) {
    Map<Long, Long> perDay = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT created_at / "
                + DAY_MILLIS
                + " AS bucket, count(*) AS n FROM complaints c WHERE created_at >= :since AND "
                + visible.sql()
                + " GROUP BY created_at / "
                + DAY_MILLIS
                + " ORDER BY bucket")
        .params(visible.params())
        .param("since", since.toEpochMilli())
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
        .list()
        .forEach(e -> perDay.put(e.getKey(), e.getValue()));
    return perDay;
  }

  /**
   * Time from creation to first resolution of the complaints first resolved since {@code since}:
   * how many there are and the median in milliseconds (null when there are none). The median is
   * found by sorting in the database and reading the middle one or two rows, which both databases
   * do alike.
   */
  Resolution resolution(Instant since, ComplaintPolicy.Condition visible) {
    String durations =
        """
        FROM complaints c
        JOIN (SELECT complaint_id, MIN(at) AS resolved_at FROM complaint_history
              WHERE action = 'status' AND to_value = 'resolved' GROUP BY complaint_id) r
          ON r.complaint_id = c.id
        WHERE r.resolved_at >= :since AND\s"""
            + visible.sql();
    Map<String, Object> params = new LinkedHashMap<>(visible.params());
    params.put("since", since.toEpochMilli());
    long n = jdbc.sql("SELECT count(*) " + durations).params(params).query(Long.class).single();
    if (n == 0) {
      return new Resolution(0, null);
    }
    Map<String, Object> middle = new LinkedHashMap<>(params);
    middle.put("take", n % 2 == 0 ? 2 : 1);
    middle.put("skip", (n - 1) / 2);
    List<Long> mid =
        jdbc.sql(
                "SELECT r.resolved_at - c.created_at AS took "
                    + durations
                    + " ORDER BY took LIMIT :take OFFSET :skip")
            .params(middle)
            .query(Long.class)
            .list();
    long sum = 0;
    for (long m : mid) {
      sum += m;
    }
    return new Resolution(n, sum / mid.size());
  }

  private List<Count> counts(String sql, Map<String, Object> params) {
    return jdbc.sql(sql)
        .params(params)
        .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2)))
        .list();
  }
}
