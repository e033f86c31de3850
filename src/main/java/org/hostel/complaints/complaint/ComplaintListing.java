package org.hostel.complaints.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The count and the page of one list request, both from the same database. The count stops at a cap
 * so that it never reads more than that many rows (at 1,000,000 complaints an exact {@code
 * count(*)} was most of a list call's time); a page after a {@link Keyset} starts at that position
 * in the order's index, where an {@code OFFSET} reads every row before it.
 */
final class ComplaintListing {

  /** How many rows match, exactly when at most the cap, else the cap and {@code exact} false. */
  record Count(long total, boolean exact) {}

  /** The rows of a page and the position after the last of them, null when none follows. */
  record Rows(List<Complaint> items, @Nullable Keyset next) {}

  /** Up to how many matches of a text search are gathered before sorting. */
  static final long FEW = 2_000;

  private final JdbcClient source;
  private final TextSearch search;

  ComplaintListing(JdbcClient source, TextSearch search) {
    this.source = source;
    this.search = search;
  }

  /** Whether a page of {@code filter} should gather its matches first: see {@link #page}. */
  static boolean few(ComplaintRepository.Filter filter, Count count) {
    return filter.text() != null && count.exact() && count.total() <= FEW;
  }

  Count count(ComplaintRepository.Filter filter, long cap) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params, search);
    params.put("cap", cap + 1);
    long counted =
        source
            .sql("SELECT count(*) FROM (SELECT 1 FROM complaints c" + where + " LIMIT :cap) m")
            .params(params)
            .query(Long.class)
            .single();
    return counted > cap ? new Count(cap, false) : new Count(counted, true);
  }

  /**
   * The {@code limit} rows after {@code after} (from the top when null) then skipping {@code
   * offset}, with the position of the last one when more follow. With {@code few} matches (a count
   * at most {@link #FEW}), they are gathered first and then sorted: a planner that guesses a text
   * search matches many rows otherwise walks the whole order index looking for twenty (PostgreSQL
   * took 28 ms for 20,000 rows that way, for a word nobody wrote).
   */
  Rows page(
      ComplaintRepository.Filter filter,
      SortOrder order,
      int limit,
      long offset,
      @Nullable Keyset after,
      boolean few) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params, search);
    if (after != null) {
      where += " AND " + after.condition(params);
    }
    params.put("limit", limit + 1);
    params.put("offset", offset);
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < order.keys().size(); i++) {
      keys.append(", ").append(order.keys().get(i).sql()).append(" AS sort_key").append(i);
    }
    String with =
        few ? "WITH matches AS MATERIALIZED (SELECT * FROM complaints c" + where + ") " : "";
    String from = few ? " FROM matches c" : " FROM complaints c" + where;
    List<Positioned> rows =
        source
            .sql(
                with
                    + "SELECT "
                    + ComplaintRepository.COLUMNS
                    + keys
                    + from
                    + " ORDER BY "
                    + order.sql()
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .query((rs, n) -> new Positioned(ComplaintRows.complaint(rs, n), position(rs, order)))
            .list();
    boolean more = rows.size() > limit;
    List<Positioned> shown = more ? rows.subList(0, limit) : rows;
    return new Rows(
        shown.stream().map(Positioned::complaint).toList(),
        more ? shown.getLast().position() : null);
  }

  private record Positioned(Complaint complaint, Keyset position) {}

  private static Keyset position(ResultSet rs, SortOrder order) throws SQLException {
    List<@Nullable Object> values = new ArrayList<>();
    int last = order.keys().size() - 1;
    for (int i = 0; i < last; i++) {
      long value = rs.getLong("sort_key" + i);
      values.add(rs.wasNull() ? null : value);
    }
    values.add(rs.getString("sort_key" + last));
    return new Keyset(order, values);
  }

  /**
   * The filters as a {@code WHERE} clause on the alias {@code c}, their values into {@code params}.
   */
  static String where(ComplaintRepository.Filter f, Map<String, Object> params, TextSearch search) {
    // Complaints marked as spam are out of every list and export.
    StringBuilder sql =
        new StringBuilder(" WHERE c.hidden_at IS NULL AND ").append(f.visibility().sql());
    params.putAll(f.visibility().params());
    if (f.status() != null) {
      sql.append(" AND status = :status");
      params.put("status", f.status().value());
    }
    if (f.hostel() != null) {
      sql.append(" AND hostel = :hostel");
      params.put("hostel", f.hostel());
    }
    if (f.category() != null) {
      sql.append(" AND category = :category");
      params.put("category", f.category());
    }
    if (f.severity() != null) {
      sql.append(" AND severity = :severity");
      params.put("severity", f.severity().value());
    }
    if (f.telegramUserId() != null) {
      sql.append(" AND telegram_user_id = :telegramUserId");
      params.put("telegramUserId", f.telegramUserId());
    }
    if (f.assignedPorterId() != null) {
      sql.append(" AND assigned_porter_id = :assignedPorterId");
      params.put("assignedPorterId", f.assignedPorterId().toString());
    }
    if (f.channel() != null) {
      sql.append(" AND channel = :channel");
      params.put("channel", f.channel().value());
    }
    if (f.priority() != null) {
      sql.append(" AND priority = :priority");
      params.put("priority", f.priority().value());
    }
    if (f.dueBefore() != null) {
      sql.append(" AND due_at < :dueBefore");
      params.put("dueBefore", f.dueBefore().toEpochMilli());
    }
    if (f.text() != null) {
      var number = Complaint.number(f.text());
      ComplaintPolicy.Condition words = search.matchesAll("c", f.text());
      sql.append(" AND (").append(words.sql());
      sql.append(number.isPresent() ? " OR c.reference = :reference)" : ")");
      params.putAll(words.params());
      number.ifPresent(n -> params.put("reference", n));
    }
    return sql.toString();
  }
}
