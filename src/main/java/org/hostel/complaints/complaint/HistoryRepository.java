package org.hostel.complaints.complaint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.storage.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every change to a complaint, append-only; assignments are the rows of {@code ASSIGNMENT}. */
@Repository
class HistoryRepository {

  private final JdbcClient jdbc;

  HistoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One stored change; {@code actorId} is absent for the integration. */
  record Row(
      UUID id,
      UUID complaintId,
      Instant at,
      @Nullable UUID actorId,
      String action,
      @Nullable String from,
      @Nullable String to) {}

  void append(UUID complaintId, Instant at, @Nullable UUID actor, HistoryAction.Entry entry) {
    jdbc.sql(
            """
            INSERT INTO complaint_history (id, complaint_id, at, actor_id, action, from_value, to_value)
            VALUES (:id, :complaintId, :at, :actor, :action, :from, :to)
            """)
        .param("id", Ids.newId().toString())
        .param("complaintId", complaintId.toString())
        .param("at", at.toEpochMilli())
        .param("actor", actor == null ? null : actor.toString())
        .param("action", entry.action().value())
        .param("from", entry.from())
        .param("to", entry.to())
        .update();
  }

  List<Row> forComplaint(UUID complaintId, @Nullable HistoryAction action) {
    String sql =
        """
        SELECT id, complaint_id, at, actor_id, action, from_value, to_value
        FROM complaint_history WHERE complaint_id = :complaintId
        """
            + (action == null ? "" : " AND action = :action")
            + " ORDER BY at, id";
    var spec = jdbc.sql(sql).param("complaintId", complaintId.toString());
    if (action != null) {
      spec = spec.param("action", action.value());
    }
    return spec.query(
            (rs, n) ->
                new Row(
                    UUID.fromString(rs.getString("id")),
                    UUID.fromString(rs.getString("complaint_id")),
                    Instant.ofEpochMilli(rs.getLong("at")),
                    rs.getString("actor_id") == null
                        ? null
                        : UUID.fromString(rs.getString("actor_id")),
                    rs.getString("action"),
                    rs.getString("from_value"),
                    rs.getString("to_value")))
        .list();
  }
}
