package org.hostel.complaints.complaint;

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
      assigned_porter_id, created_by, version, created_at, updated_at, priority, hold_reason,
      response_due_at, resolution_due_at, response_warn_at, resolution_warn_at, responded_at,
      resolved_at, held_since, paused_ms""";

  /** The working fields every write sets, with {@link #bind}. */
  private static final String WORK =
      """
      priority = :priority, hold_reason = :holdReason, response_due_at = :responseDueAt,
      resolution_due_at = :resolutionDueAt, response_warn_at = :responseWarnAt,
      resolution_warn_at = :resolutionWarnAt, responded_at = :respondedAt,
      resolved_at = :resolvedAt, held_since = :heldSince, paused_ms = :pausedMs,
      due_at = :dueAt, warn_at = :warnAt""";

  private final JdbcClient jdbc;
  private volatile @Nullable TextSearch search;

  ComplaintRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The full-text index in this database's dialect (read once, on first use). */
  TextSearch search() {
    TextSearch known = search;
    if (known == null) {
      known = TextSearch.of(jdbc);
      search = known;
    }
    return known;
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
      @Nullable Priority priority,
      @Nullable Instant dueBefore,
      @Nullable Channel channel) {}

  /**
   * Stores a new complaint and answers the number the database gave it (a sequence on PostgreSQL, a
   * counter moved by a trigger on SQLite; both in this transaction).
   */
  long insert(Complaint c) {
    return insert(c, c.telegramUserId() == null ? Channel.STAFF : Channel.BOT);
  }

  /** The same, via {@code channel}; SQLite numbers rows in a trigger RETURNING cannot see. */
  long insert(Complaint c, Channel channel) {
    boolean sqlite = search().sqlite();
    var insert =
        jdbc.sql(
            """
            INSERT INTO complaints (id, telegram_user_id, hostel, wing, room_number, category,
                description, severity, status, assigned_porter_id, created_by, version,
                created_at, updated_at, channel, priority, hold_reason, response_due_at,
                resolution_due_at, response_warn_at, resolution_warn_at, responded_at, resolved_at,
                held_since, paused_ms, due_at, warn_at)
            VALUES (:id, :telegramUserId, :hostel, :wing, :roomNumber, :category, :description,
                :severity, :status, :assignedPorterId, :createdBy, :version, :createdAt, :updatedAt,
                :channel, :priority, :holdReason, :responseDueAt, :resolutionDueAt, :responseWarnAt,
                :resolutionWarnAt, :respondedAt, :resolvedAt, :heldSince, :pausedMs, :dueAt, :warnAt)
            """
                + (sqlite ? "" : " RETURNING reference"));
    bind(insert, c)
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
        .param("updatedAt", c.updatedAt().toEpochMilli());
    if (!sqlite) {
      return insert.query(Long.class).single();
    }
    insert.update();
    return jdbc.sql("SELECT reference FROM complaints WHERE id = :id")
        .param("id", c.id().toString())
        .query(Long.class)
        .single();
  }

  Optional<Complaint> findByNumber(long number) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM complaints WHERE reference = :number")
        .param("number", number)
        .query(ComplaintRows::complaint)
        .optional();
  }

  Optional<Complaint> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM complaints WHERE id = :id")
        .param("id", id.toString())
        .query(ComplaintRows::complaint)
        .optional();
  }

  /**
   * Writes status, assignee, version and time if nobody changed the row since {@code
   * expectedVersion}.
   */
  boolean update(Complaint next, long expectedVersion) {
    var update =
        jdbc.sql(
            """
            UPDATE complaints
            SET status = :status, assigned_porter_id = :assignedPorterId,
                version = :version, updated_at = :updatedAt,
            """
                + WORK
                + " WHERE id = :id AND version = :expected");
    return bind(update, next)
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
        .query(ComplaintRows::complaint)
        .optional();
  }

  /** Notes a first staff response (a comment) on an open complaint: resolution is due next. */
  void responded(UUID id, Instant at) {
    jdbc.sql(
            """
            UPDATE complaints SET responded_at = :at, due_at = resolution_due_at,
                warn_at = resolution_warn_at
            WHERE id = :id AND responded_at IS NULL AND resolved_at IS NULL
            """)
        .param("at", at.toEpochMilli())
        .param("id", id.toString())
        .update();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Complaint c) {
    Sla sla = c.sla();
    return spec.param("priority", c.priority().value())
        .param("holdReason", c.holdReason())
        .param("responseDueAt", millis(sla.responseDueAt()))
        .param("resolutionDueAt", millis(sla.resolutionDueAt()))
        .param("responseWarnAt", millis(sla.responseWarnAt()))
        .param("resolutionWarnAt", millis(sla.resolutionWarnAt()))
        .param("respondedAt", millis(sla.respondedAt()))
        .param("resolvedAt", millis(sla.resolvedAt()))
        .param("heldSince", millis(sla.heldSince()))
        .param("pausedMs", sla.pausedMillis())
        .param("dueAt", millis(sla.nextDue()))
        .param("warnAt", millis(sla.nextWarn()));
  }

  private static @Nullable Long millis(@Nullable Instant at) {
    return at == null ? null : at.toEpochMilli();
  }

  /** How many rows match, counted to the end: for tests and small sets, never for a list page. */
  long count(Filter filter) {
    return listing(null).count(filter, Long.MAX_VALUE - 1).total();
  }

  /** Newest first, the contract's order. */
  List<Complaint> page(Filter filter, int limit, long offset) {
    return listing(null).page(filter, SortOrder.NEWEST, limit, offset, null, false).items();
  }

  /** List queries against {@code source} when one is given (a current read replica), else here. */
  ComplaintListing listing(@Nullable JdbcClient source) {
    return new ComplaintListing(source == null ? jdbc : source, search());
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

  /** {@link #deleteFinished(List, Instant)} whatever their last change. */
  List<UUID> deleteFinished(List<UUID> ids) {
    return deleteFinished(ids, Instant.ofEpochMilli(Long.MAX_VALUE));
  }

  /**
   * Deletes those of the complaints that are still finished and last changed before {@code before},
   * checked in the same statement so a change made meanwhile wins (their history and idempotency
   * records go with them by cascade); answers which ones went.
   */
  List<UUID> deleteFinished(List<UUID> ids, Instant before) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            DELETE FROM complaints
            WHERE id IN (:ids) AND status IN (:finished) AND updated_at < :before
            RETURNING id
            """)
        .param("ids", ids.stream().map(UUID::toString).toList())
        .param("finished", Status.finished().stream().map(Status::value).toList())
        .param("before", before.toEpochMilli())
        .query((rs, n) -> UUID.fromString(rs.getString(1)))
        .list();
  }

  void hide(UUID id, Instant at) {
    jdbc.sql("UPDATE complaints SET hidden_at = :at WHERE id = :id AND hidden_at IS NULL")
        .param("at", at.toEpochMilli())
        .param("id", id.toString())
        .update();
  }

  private static @Nullable String text(@Nullable UUID id) {
    return id == null ? null : id.toString();
  }
}
