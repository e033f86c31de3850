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
    String where = ComplaintRepository.where(filter, params);
    return source
        .sql("SELECT count(*) FROM complaints c" + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  List<Complaint> page(ComplaintRepository.Filter filter, SortOrder order, int limit, long offset) {
    Map<String, Object> params = new HashMap<>();
    String where = ComplaintRepository.where(filter, params);
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
}
