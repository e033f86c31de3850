package org.hostel.complaints.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends and reads audit rows; nothing here updates one. */
@Repository
class AuditRepository {

  private static final String COLUMNS =
      "seq, at, actor_id, actor, action, target, detail, address, request_id";

  private final JdbcClient jdbc;

  AuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void append(AuditEntry e) {
    jdbc.sql(
            """
            INSERT INTO audit_log (at, actor_id, actor, action, target, detail, address, request_id)
            VALUES (:at, :actorId, :actor, :action, :target, :detail, :address, :requestId)
            """)
        .param("at", e.at().toEpochMilli())
        .param("actorId", e.actorId() == null ? null : e.actorId().toString())
        .param("actor", e.actor())
        .param("action", e.action())
        .param("target", e.target())
        .param("detail", e.detail())
        .param("address", e.address())
        .param("requestId", e.requestId())
        .update();
  }

  List<AuditEntry> find(AuditFilter filter, long offset, int limit) {
    Where where = where(filter);
    return where
        .bind(
            jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM audit_log"
                    + where.sql
                    + " ORDER BY seq DESC LIMIT :limit OFFSET :offset"))
        .param("limit", limit)
        .param("offset", offset)
        .query(AuditRepository::entry)
        .list();
  }

  long count(AuditFilter filter) {
    Where where = where(filter);
    return where
        .bind(jdbc.sql("SELECT count(*) FROM audit_log" + where.sql))
        .query(Long.class)
        .single();
  }

  void each(AuditFilter filter, int limit, Consumer<AuditEntry> sink) {
    Where where = where(filter);
    try (var rows =
        where
            .bind(
                jdbc.sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM audit_log"
                        + where.sql
                        + " ORDER BY seq DESC LIMIT :l"))
            .param("l", limit)
            .query(AuditRepository::entry)
            .stream()) {
      rows.forEach(sink);
    }
  }

  int deleteBefore(long epochMillis) {
    return jdbc.sql("DELETE FROM audit_log WHERE at < :before")
        .param("before", epochMillis)
        .update();
  }

  private record Where(String sql, List<Object[]> params) {
    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
      for (Object[] p : params) {
        spec = spec.param((String) p[0], p[1]);
      }
      return spec;
    }
  }

  private static Where where(AuditFilter f) {
    List<String> clauses = new ArrayList<>();
    List<Object[]> params = new ArrayList<>();
    if (f.action() != null) {
      if (f.action().endsWith(".")) {
        clauses.add("action LIKE :action ESCAPE '!'");
        params.add(new Object[] {"action", likeText(f.action()) + "%"});
      } else {
        clauses.add("action = :action");
        params.add(new Object[] {"action", f.action()});
      }
    }
    if (f.actor() != null) {
      UUID id = uuid(f.actor());
      if (id != null) {
        clauses.add("actor_id = :actorId");
        params.add(new Object[] {"actorId", id.toString()});
      } else {
        clauses.add("lower(actor) LIKE :actor ESCAPE '!'");
        params.add(
            new Object[] {"actor", "%" + likeText(f.actor().toLowerCase(Locale.ROOT)) + "%"});
      }
    }
    if (f.from() != null) {
      clauses.add("at >= :from");
      params.add(new Object[] {"from", f.from().toEpochMilli()});
    }
    if (f.to() != null) {
      clauses.add("at < :to");
      params.add(new Object[] {"to", f.to().toEpochMilli()});
    }
    return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
  }

  /** Text that LIKE matches literally ({@code %} and {@code _} are themselves). */
  private static String likeText(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static @org.jspecify.annotations.Nullable UUID uuid(String text) {
    try {
      return text.length() == 36 ? UUID.fromString(text) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    String actorId = rs.getString("actor_id");
    return new AuditEntry(
        rs.getLong("seq"),
        Instant.ofEpochMilli(rs.getLong("at")),
        actorId == null ? null : UUID.fromString(actorId),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("target"),
        rs.getString("detail"),
        rs.getString("address"),
        rs.getString("request_id"));
  }
}
