package org.hostel.complaints.complaint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The count and the page of one list request, both from the same database. */
final class ComplaintListing {

  private final JdbcClient source;
  private final TextSearch search;

  ComplaintListing(JdbcClient source, TextSearch search) {
    this.source = source;
    this.search = search;
  }

  long count(ComplaintRepository.Filter filter) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params, search);
    return source
        .sql("SELECT count(*) FROM complaints c" + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  List<Complaint> page(ComplaintRepository.Filter filter, SortOrder order, int limit, long offset) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params, search);
    params.put("limit", limit);
    params.put("offset", offset);
    return source
        .sql(
            "SELECT "
                + ComplaintRepository.COLUMNS
                + " FROM complaints c"
                + where
                + " ORDER BY "
                + order.sql()
                + " LIMIT :limit OFFSET :offset")
        .params(params)
        .query(ComplaintRows::complaint)
        .list();
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
