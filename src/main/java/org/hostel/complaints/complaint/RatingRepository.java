package org.hostel.complaints.complaint;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reporters' star ratings, and their averages for the statistics. */
@Repository
class RatingRepository {

  private final JdbcClient jdbc;

  RatingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An average rating of one hostel or porter: {@code key} null for unassigned complaints. */
  record Average(@Nullable String key, double average, long count) {}

  /** Stores the first rating of a complaint; false when it was rated before. */
  boolean rate(UUID complaintId, int stars, Instant at) {
    return jdbc.sql(
                """
                INSERT INTO complaint_ratings (complaint_id, stars, rated_at)
                VALUES (:id, :stars, :at) ON CONFLICT (complaint_id) DO NOTHING
                """)
            .param("id", complaintId.toString())
            .param("stars", stars)
            .param("at", at.toEpochMilli())
            .update()
        == 1;
  }

  Map<UUID, Integer> of(List<UUID> complaints) {
    Map<UUID, Integer> stars = new HashMap<>();
    if (complaints.isEmpty()) {
      return stars;
    }
    jdbc.sql("SELECT complaint_id, stars FROM complaint_ratings WHERE complaint_id IN (:ids)")
        .param("ids", complaints.stream().map(UUID::toString).toList())
        .query((rs, n) -> Map.entry(UUID.fromString(rs.getString(1)), rs.getInt(2)))
        .list()
        .forEach(e -> stars.put(e.getKey(), e.getValue()));
    return stars;
  }

  /** Average stars per value of {@code column} over the complaints {@code visible} admits. */
  List<Average> averageBy(String column, ComplaintPolicy.Condition visible) {
    if (!column.equals("hostel") && !column.equals("assigned_porter_id")) {
      throw new IllegalArgumentException(column);
    }
    return jdbc.sql(
            "SELECT c."
                + column
                + ", avg(r.stars), count(*) FROM complaint_ratings r JOIN complaints c"
                + " ON c.id = r.complaint_id WHERE "
                + visible.sql()
                + " GROUP BY c."
                + column
                + " ORDER BY c."
                + column)
        .params(visible.params())
        .query((rs, n) -> new Average(rs.getString(1), rs.getDouble(2), rs.getLong(3)))
        .list();
  }
}
