package org.hostel.complaints.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ComplaintRepository {

  static final String COLUMNS =
      """
      id, reference, telegram_user_id, hostel, wing, room_number, category, description, severity, status,
      assigned_porter_id, created_by, version, created_at, updated_at""";

  private final JdbcClient jdbc;

  ComplaintRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * List filters; null means "any". {@code visibility} is the caller's view from {@link
   * ComplaintPolicy#visibleTo}, on the alias {@code c}.
   */
  record Filter(
      @Nullable Status status,
      @Nullable String hostel,
      @Nullable String category,
      @Nullable Severity severity,
      @Nullable String telegramUserId,
      @Nullable UUID assignedPorterId,
      @Nullable String text,
      ComplaintPolicy.Condition visibility,
      @Nullable Channel channel) {}

  /**
   * Stores a new complaint and answers the number the database gave it (a sequence on PostgreSQL, a
   * counter moved by a trigger on SQLite; both in this transaction).
   */
  long insert(Complaint c) {
    return insert(c, c.telegramUserId() == null ? Channel.STAFF : Channel.BOT);
  }

  /** The same, for a complaint that came in through {@code channel}. */
  long insert(Complaint c, Channel channel) {
    jdbc.sql(
            """
            INSERT INTO complaints (id, telegram_user_id, hostel, wing, room_number, category,
                description, severity, status, assigned_porter_id, created_by, version,
                created_at, updated_at, channel)
            VALUES (:id, :telegramUserId, :hostel, :wing, :roomNumber, :category, :description,
                :severity, :status, :assignedPorterId, :createdBy, :version, :createdAt, :updatedAt,
                :channel)
            """)
        .param("channel", channel.value())
        .param("id", c.id().toString())
        .param("telegramUserId", c.telegramUserId())
        .param("hostel", c.hostel())
        .param("wing", c.wing())
        .param("roomNumber", c.roomNumber())
        .param("category", c.category())
        .param("description", c.description())
        .param("severity", c.severity().value())
        .param("status", c.status().value())
        .param("assignedPorterId", text(c.assignedPorterId()))
        .param("createdBy", text(c.createdBy()))
        .param("version", c.version())
        .param("createdAt", c.createdAt().toEpochMilli())
        .param("updatedAt", c.updatedAt().toEpochMilli())
        .update();
    return jdbc.sql("SELECT reference FROM complaints WHERE id = :id")
        .param("id", c.id().toString())
        .query(Long.class)
        .single();
  }

  Optional<Complaint> findByNumber(long number) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM complaints WHERE reference = :number")
        .param("number", number)
        .query(ComplaintRepository::complaint)
        .optional();
  }

  Optional<Complaint> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM complaints WHERE id = :id")
        .param("id", id.toString())
        .query(ComplaintRepository::complaint)
        .optional();
  }

  /**
   * Writes status, assignee, version and time if nobody changed the row since {@code
   * expectedVersion}.
   */
  boolean update(Complaint next, long expectedVersion) {
    return jdbc.sql(
                """
                UPDATE complaints
                SET status = :status, assigned_porter_id = :assignedPorterId,
                    version = :version, updated_at = :updatedAt
                WHERE id = :id AND version = :expected
                """)
            .param("status", next.status().value())
            .param("assignedPorterId", text(next.assignedPorterId()))
            .param("version", next.version())
            .param("updatedAt", next.updatedAt().toEpochMilli())
            .param("id", next.id().toString())
            .param("expected", expectedVersion)
            .update()
        == 1;
  }

  /**
   * Moves the version and {@code updated_at} on, if the row is one {@code visibility} (on the alias
   * {@code complaints}) admits, and answers the complaint after it; in PostgreSQL this also locks
   * the row until the commit.
   */
  Optional<Complaint> touch(UUID id, Instant at, ComplaintPolicy.Condition visibility) {
    return jdbc.sql(
            "UPDATE complaints SET version = version + 1, updated_at = :at WHERE id = :id AND "
                + visibility.sql()
                + " RETURNING "
                + COLUMNS)
        .params(visibility.params())
        .param("at", at.toEpochMilli())
        .param("id", id.toString())
        .query(ComplaintRepository::complaint)
        .optional();
  }

  long count(Filter filter) {
    return listing(null).count(filter);
  }

  /** Newest first, the contract's order. */
  List<Complaint> page(Filter filter, int limit, long offset) {
    return listing(null).page(filter, SortOrder.NEWEST, limit, offset);
  }

  /** List queries against {@code source} when one is given (a current read replica), else here. */
  ComplaintListing listing(@Nullable JdbcClient source) {
    return new ComplaintListing(source == null ? jdbc : source);
  }

  Map<Status, Long> countByStatus() {
    Map<Status, Long> counts = new HashMap<>();
    jdbc.sql("SELECT status, count(*) FROM complaints GROUP BY status")
        .query(
            (RowCallbackHandler)
                rs -> counts.put(Status.fromValue(rs.getString(1)), rs.getLong(2)));
    return counts;
  }

  /** Ids of complaints in {@code status} last changed before {@code before}, oldest first. */
  List<UUID> finishedBefore(Status status, Instant before) {
    return jdbc.sql(
            """
            SELECT id FROM complaints WHERE status = :status AND updated_at < :before
            ORDER BY updated_at, id
            """)
        .param("status", status.value())
        .param("before", before.toEpochMilli())
        .query((rs, n) -> UUID.fromString(rs.getString(1)))
        .list();
  }

  /** The same, among the given complaints only. */
  List<UUID> finishedBefore(Status status, Instant before, List<UUID> among) {
    if (among.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT id FROM complaints
            WHERE status = :status AND updated_at < :before AND id IN (:ids)
            ORDER BY updated_at, id
            """)
        .param("status", status.value())
        .param("before", before.toEpochMilli())
        .param("ids", among.stream().map(UUID::toString).toList())
        .query((rs, n) -> UUID.fromString(rs.getString(1)))
        .list();
  }

  /**
   * Deletes those of the complaints that are still finished (their history and idempotency records
   * go with them by cascade) and answers which ones went.
   */
  List<UUID> deleteFinished(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            DELETE FROM complaints WHERE id IN (:ids) AND status IN (:finished)
            RETURNING id
            """)
        .param("ids", ids.stream().map(UUID::toString).toList())
        .param("finished", Status.finished().stream().map(Status::value).toList())
        .query((rs, n) -> UUID.fromString(rs.getString(1)))
        .list();
  }

  static String where(Filter f, Map<String, Object> params) {
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
    if (f.channel() != null) {
      sql.append(" AND channel = :channel");
      params.put("channel", f.channel().value());
    }
    if (f.assignedPorterId() != null) {
      sql.append(" AND assigned_porter_id = :assignedPorterId");
      params.put("assignedPorterId", f.assignedPorterId().toString());
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

  private static @Nullable String text(@Nullable UUID id) {
    return id == null ? null : id.toString();
  }

  private static @Nullable UUID uuid(@Nullable String text) {
    return text == null ? null : UUID.fromString(text);
  }

  static Complaint complaint(ResultSet rs, int row) throws SQLException {
    return new Complaint(
        UUID.fromString(rs.getString("id")),
        rs.getLong("reference"),
        rs.getString("telegram_user_id"),
        rs.getString("hostel"),
        rs.getString("wing"),
        rs.getString("room_number"),
        rs.getString("category"),
        rs.getString("description"),
        Severity.fromValue(rs.getString("severity")),
        Status.fromValue(rs.getString("status")),
        uuid(rs.getString("assigned_porter_id")),
        uuid(rs.getString("created_by")),
        rs.getLong("version"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
