package org.hostel.complaints.complaint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The count and the page of one list request, both from the same database. */
final class ComplaintListing {

  private final JdbcClient source;

  ComplaintListing(JdbcClient source) {
    this.source = source;
  }

  long count(ComplaintRepository.Filter filter) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    return source
        .sql("SELECT count(*) FROM complaints c" + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  List<Complaint> page(ComplaintRepository.Filter filter, SortOrder order, int limit, long offset) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
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
        .query(ComplaintRepository::complaint)
        .list();
  }

  /**
   * The filters as a {@code WHERE} clause on the alias {@code c}, their values into {@code params}.
   */
  static String where(ComplaintRepository.Filter f, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder(" WHERE ").append(f.visibility().sql());
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
      sql.append(
          " AND (lower(description) LIKE :text ESCAPE '\\' OR lower(room_number) LIKE :text"
              + " ESCAPE '\\' OR lower(category) LIKE :text ESCAPE '\\'"
              + (number.isPresent() ? " OR reference = :reference)" : ")"));
      params.put("text", "%" + escapeLike(f.text().toLowerCase()) + "%");
      number.ifPresent(n -> params.put("reference", n));
    }
    return sql.toString();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
