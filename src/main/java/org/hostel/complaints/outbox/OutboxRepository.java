package org.hostel.complaints.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox tables. Times are epoch milliseconds. */
@Repository
class OutboxRepository {

  private static final int MAX_ERROR = 500;

  /**
   * Rows that may be sent now: due, not held by a live claim, and first in their recipient's queue.
   */
  private static final String CLAIMABLE =
      """
      FROM outbox_messages m
      WHERE m.state = 'pending'
        AND m.channel IN (:channels)
        AND m.next_attempt_at <= :now
        AND (m.claimed_until IS NULL OR m.claimed_until <= :now)
        AND NOT EXISTS (
          SELECT 1 FROM outbox_messages o
          WHERE o.channel = m.channel AND o.recipient = m.recipient
            AND o.state = 'pending' AND o.seq < m.seq)
      """;

  private final JdbcClient jdbc;

  /**
   * PostgreSQL lets concurrent claimers skip each other's rows instead of waiting; SQLite runs one
   * write transaction at a time, so the claim cannot race there.
   */
  private final String lockClause;

  OutboxRepository(JdbcClient jdbc, DataSourceProperties dataSource) {
    this.jdbc = jdbc;
    String url = String.valueOf(dataSource.determineUrl());
    this.lockClause = url.startsWith("jdbc:postgresql:") ? "FOR UPDATE OF m SKIP LOCKED" : "";
  }

  /** A claimed row. */
  record Claimed(long seq, PendingMessage message, @Nullable String traceParent) {}

  /** Messages waiting in one channel. */
  record Backlog(String channel, long pending, Instant oldest) {}

  /** A message given up on because of its age. */
  record Expired(UUID id, String channel, String kind) {}

  /** Stores the message; false when its dedup key is already stored. */
  boolean insert(
      UUID id,
      OutgoingMessage message,
      boolean suppressed,
      long now,
      @Nullable String traceParent) {
    return jdbc.sql(
                """
                INSERT INTO outbox_messages (id, channel, recipient, kind, payload, dedup_key,
                    state, attempts, created_at, next_attempt_at, finished_at, last_error,
                    trace_parent)
                VALUES (:id, :channel, :recipient, :kind, :payload, :dedupKey, :state, 0, :now,
                    :now, :finishedAt, :error, :traceParent)
                ON CONFLICT (dedup_key) DO NOTHING
                """)
            .param("id", id.toString())
            .param("channel", message.channel())
            .param("recipient", message.recipient())
            .param("kind", message.kind())
            .param("payload", message.payload())
            .param("dedupKey", message.dedupKey())
            .param("state", suppressed ? "suppressed" : "pending")
            .param("now", now)
            .param("finishedAt", suppressed ? now : null)
            .param("error", suppressed ? "recipient unreachable" : null)
            .param("traceParent", traceParent)
            .update()
        == 1;
  }

  boolean isUnreachable(String channel, String recipient) {
    return jdbc.sql(
                "SELECT count(*) FROM outbox_unreachable WHERE channel = :channel"
                    + " AND recipient = :recipient")
            .param("channel", channel)
            .param("recipient", recipient)
            .query(Long.class)
            .single()
        > 0;
  }

  void markReachable(String channel, String recipient) {
    jdbc.sql("DELETE FROM outbox_unreachable WHERE channel = :channel AND recipient = :recipient")
        .param("channel", channel)
        .param("recipient", recipient)
        .update();
  }

  /** Whether {@link #claim} would find anything; a read, so idle polls take no write lock. */
  boolean anyClaimable(Collection<String> channels, long now) {
    return !jdbc.sql("SELECT m.seq " + CLAIMABLE + " LIMIT 1")
        .param("channels", channels)
        .param("now", now)
        .query(Long.class)
        .list()
        .isEmpty();
  }

  /** Claims up to {@code limit} claimable rows for {@code claimer} until {@code until}. */
  List<Claimed> claim(
      Collection<String> channels, int limit, String claimer, long now, long until) {
    return jdbc
        .sql(
            """
            UPDATE outbox_messages SET claimed_by = :claimer, claimed_until = :until
            WHERE seq IN (SELECT m.seq %s ORDER BY m.seq LIMIT :limit %s)
            RETURNING seq, id, channel, recipient, kind, payload, attempts, created_at,
                trace_parent
            """
                .formatted(CLAIMABLE, lockClause))
        .param("channels", channels)
        .param("now", now)
        .param("limit", limit)
        .param("claimer", claimer)
        .param("until", until)
        .query(OutboxRepository::claimed)
        .list()
        .stream()
        .sorted(Comparator.comparingLong(Claimed::seq))
        .toList();
  }

  /** Each write below applies only while the claim is still the claimer's own. */
  boolean markSent(long seq, String claimer, long now) {
    return finish(seq, claimer, "sent", now, null);
  }

  boolean markFailed(long seq, String claimer, long now, String reason) {
    return finish(seq, claimer, "failed", now, reason);
  }

  boolean retryAt(long seq, String claimer, long next, String reason) {
    return jdbc.sql(
                """
                UPDATE outbox_messages
                SET attempts = attempts + 1, next_attempt_at = :next, last_error = :reason,
                    claimed_by = NULL, claimed_until = NULL
                WHERE seq = :seq AND claimed_by = :claimer AND state = 'pending'
                """)
            .param("seq", seq)
            .param("claimer", claimer)
            .param("next", next)
            .param("reason", clip(reason))
            .update()
        == 1;
  }

  /**
   * Records the recipient as unreachable and suppresses its other pending messages. Run in the same
   * transaction as {@link #markFailed} of the message that found out.
   *
   * @return how many messages were suppressed
   */
  int markGone(String channel, String recipient, long now, String reason) {
    jdbc.sql(
            """
            INSERT INTO outbox_unreachable (channel, recipient, reason, since)
            VALUES (:channel, :recipient, :reason, :now)
            ON CONFLICT (channel, recipient) DO NOTHING
            """)
        .param("channel", channel)
        .param("recipient", recipient)
        .param("reason", clip(reason))
        .param("now", now)
        .update();
    return jdbc.sql(
            """
            UPDATE outbox_messages
            SET state = 'suppressed', finished_at = :now, last_error = 'recipient unreachable',
                claimed_by = NULL, claimed_until = NULL
            WHERE channel = :channel AND recipient = :recipient AND state = 'pending'
            """)
        .param("channel", channel)
        .param("recipient", recipient)
        .param("now", now)
        .update();
  }

  /** Records every unclaimed pending message created before {@code cutoff} as failed. */
  List<Expired> expire(long cutoff, long now) {
    return jdbc.sql(
            """
            UPDATE outbox_messages
            SET state = 'failed', finished_at = :now, last_error = 'expired'
            WHERE state = 'pending' AND created_at < :cutoff
              AND (claimed_until IS NULL OR claimed_until <= :now)
            RETURNING id, channel, kind
            """)
        .param("cutoff", cutoff)
        .param("now", now)
        .query(
            (rs, n) ->
                new Expired(
                    UUID.fromString(rs.getString("id")),
                    rs.getString("channel"),
                    rs.getString("kind")))
        .list();
  }

  /** Pending messages and the oldest one's creation, per channel. */
  List<Backlog> backlog() {
    return jdbc.sql(
            """
            SELECT channel, count(*) AS pending, min(created_at) AS oldest
            FROM outbox_messages WHERE state = 'pending' GROUP BY channel
            """)
        .query(
            (rs, n) ->
                new Backlog(
                    rs.getString("channel"),
                    rs.getLong("pending"),
                    Instant.ofEpochMilli(rs.getLong("oldest"))))
        .list();
  }

  /**
   * Deletes up to {@code limit} messages that finished before {@code cutoff}; returns how many. In
   * batches, so that the embedded database's single writer is never held for long.
   */
  int deleteFinishedBefore(long cutoff, int limit) {
    return jdbc.sql(
            """
            DELETE FROM outbox_messages WHERE seq IN (
              SELECT seq FROM outbox_messages
              WHERE state <> 'pending' AND finished_at < :cutoff LIMIT :limit)
            """)
        .param("cutoff", cutoff)
        .param("limit", limit)
        .update();
  }

  private boolean finish(
      long seq, String claimer, String state, long now, @Nullable String reason) {
    return jdbc.sql(
                """
                UPDATE outbox_messages
                SET state = :state, attempts = attempts + 1, finished_at = :now,
                    last_error = :reason, claimed_by = NULL, claimed_until = NULL
                WHERE seq = :seq AND claimed_by = :claimer AND state = 'pending'
                """)
            .param("seq", seq)
            .param("claimer", claimer)
            .param("state", state)
            .param("now", now)
            .param("reason", reason == null ? null : clip(reason))
            .update()
        == 1;
  }

  private static Claimed claimed(ResultSet rs, int row) throws SQLException {
    return new Claimed(
        rs.getLong("seq"),
        new PendingMessage(
            UUID.fromString(rs.getString("id")),
            rs.getString("channel"),
            rs.getString("recipient"),
            rs.getString("kind"),
            rs.getString("payload"),
            rs.getInt("attempts"),
            Instant.ofEpochMilli(rs.getLong("created_at"))),
        rs.getString("trace_parent"));
  }

  private static String clip(String reason) {
    return reason.length() <= MAX_ERROR ? reason : reason.substring(0, MAX_ERROR);
  }
}
