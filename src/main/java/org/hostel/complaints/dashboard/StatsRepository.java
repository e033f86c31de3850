package org.hostel.complaints.dashboard;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only figures over the complaints tables, in SQL that SQLite and PostgreSQL both run. {@code
 * porter} narrows every figure to what that porter may see (complaints assigned to them and
 * unassigned ones, as in the complaint list); null means everything.
 */
@Repository
class StatsRepository {

  static final long DAY_MILLIS = 86_400_000L;

  private final JdbcClient jdbc;

  StatsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Count(String key, long count) {}

  Map<String, Long> byStatus(@Nullable UUID porter) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Count c :
        counts(
            "SELECT status, count(*) FROM complaints c WHERE 1 = 1"
                + visible(porter)
                + " GROUP BY status",
            porter,
            Map.of())) {
      counts.put(c.key(), c.count());
    }
    return counts;
  }

  /** Open (reported or in progress) complaints per value of a column, largest first. */
  List<Count> openBy(String column, @Nullable UUID porter) {
    if (!column.equals("hostel") && !column.equals("category")) {
      throw new IllegalArgumentException(column);
    }
    return counts(
        "SELECT "
            + column
            + ", count(*) FROM complaints c WHERE status IN ('reported', 'in_progress')"
            + visible(porter)
            + " GROUP BY "
            + column
            + " ORDER BY count(*) DESC, "
            + column,
        porter,
        Map.of());
  }

  /** Complaints created per UTC day since {@code since}, keyed by the day's number since 1970. */
  Map<Long, Long> createdPerDay(Instant since, @Nullable UUID porter) {
    Map<Long, Long> perDay = new LinkedHashMap<>();
    var spec =
        jdbc.sql(
                "SELECT created_at / "
                    + DAY_MILLIS
                    + " AS bucket, count(*) AS n FROM complaints c WHERE created_at >= :since"
                    + visible(porter)
                    + " GROUP BY created_at / "
                    + DAY_MILLIS
                    + " ORDER BY bucket")
            .param("since", since.toEpochMilli());
    if (porter != null) {
      spec = spec.param("porter", porter.toString());
    }
    spec.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
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
  Resolution resolution(Instant since, @Nullable UUID porter) {
    String durations =
        """
        FROM complaints c
        JOIN (SELECT complaint_id, MIN(at) AS resolved_at FROM complaint_history
              WHERE action = 'status' AND to_value = 'resolved' GROUP BY complaint_id) r
          ON r.complaint_id = c.id
        WHERE r.resolved_at >= :since"""
            + visible(porter);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("since", since.toEpochMilli());
    if (porter != null) {
      params.put("porter", porter.toString());
    }
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

  record Resolution(long count, @Nullable Long medianMillis) {}

  private List<Count> counts(String sql, @Nullable UUID porter, Map<String, Object> params) {
    Map<String, Object> all = new LinkedHashMap<>(params);
    if (porter != null) {
      all.put("porter", porter.toString());
    }
    return jdbc.sql(sql)
        .params(all)
        .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2)))
        .list();
  }

  private static String visible(@Nullable UUID porter) {
    return porter == null
        ? ""
        : " AND (c.assigned_porter_id = :porter OR c.assigned_porter_id IS NULL)";
  }
}
