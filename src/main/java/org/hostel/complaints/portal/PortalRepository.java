package org.hostel.complaints.portal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports made through the portal ({@code portal_reports}) and blocked sources. */
@Repository
class PortalRepository {

  private static final String COLUMNS =
      "complaint_id, reporter_name, email, email_confirmed_at, unsubscribed_at, revoked_at,"
          + " spam_at, source, created_at, photo_count";

  private final JdbcClient jdbc;

  PortalRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One portal report; the reporter's address only as far as its owner may be written to. */
  record Report(
      UUID complaintId,
      @Nullable String name,
      @Nullable String email,
      boolean emailConfirmed,
      boolean unsubscribed,
      boolean revoked,
      boolean spam,
      String source,
      Instant createdAt,
      int photoCount) {

    /** Where updates go: a confirmed address that was not unsubscribed. */
    Optional<String> mailTo() {
      return emailConfirmed && !unsubscribed ? Optional.ofNullable(email) : Optional.empty();
    }
  }

  void insert(
      UUID complaintId,
      String tokenHash,
      @Nullable String name,
      @Nullable String email,
      String source,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO portal_reports (complaint_id, token_hash, reporter_name, email, source,
                created_at)
            VALUES (:id, :token, :name, :email, :source, :now)
            """)
        .param("id", complaintId.toString())
        .param("token", tokenHash)
        .param("name", name)
        .param("email", email)
        .param("source", source)
        .param("now", now.toEpochMilli())
        .update();
  }

  /** The report a live (not revoked) tracking token opens. */
  Optional<Report> byToken(String tokenHash) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM portal_reports WHERE token_hash = :hash AND revoked_at IS NULL")
        .param("hash", tokenHash)
        .query(PortalRepository::report)
        .optional();
  }

  Optional<Report> byComplaint(UUID complaintId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM portal_reports WHERE complaint_id = :id")
        .param("id", complaintId.toString())
        .query(PortalRepository::report)
        .optional();
  }

  /** Confirms the address once; false when it was confirmed already. */
  boolean confirmEmail(UUID complaintId, Instant now) {
    return jdbc.sql(
                """
                UPDATE portal_reports SET email_confirmed_at = :now
                WHERE complaint_id = :id AND email_confirmed_at IS NULL AND email IS NOT NULL
                """)
            .param("now", now.toEpochMilli())
            .param("id", complaintId.toString())
            .update()
        == 1;
  }

  void unsubscribe(UUID complaintId, Instant now) {
    jdbc.sql(
            """
            UPDATE portal_reports SET unsubscribed_at = :now
            WHERE complaint_id = :id AND unsubscribed_at IS NULL
            """)
        .param("now", now.toEpochMilli())
        .param("id", complaintId.toString())
        .update();
  }

  /** Takes one of the report's photo places; false when all {@code max} are taken. */
  boolean claimPhoto(UUID complaintId, int max) {
    return jdbc.sql(
                """
                UPDATE portal_reports SET photo_count = photo_count + 1
                WHERE complaint_id = :id AND photo_count < :max
                """)
            .param("id", complaintId.toString())
            .param("max", max)
            .update()
        == 1;
  }

  void releasePhoto(UUID complaintId) {
    jdbc.sql("UPDATE portal_reports SET photo_count = photo_count - 1 WHERE complaint_id = :id")
        .param("id", complaintId.toString())
        .update();
  }

  /** Revokes the tracking link; false when there was none still live. */
  boolean revoke(UUID complaintId, Instant now) {
    return jdbc.sql(
                """
                UPDATE portal_reports SET revoked_at = :now
                WHERE complaint_id = :id AND revoked_at IS NULL
                """)
            .param("now", now.toEpochMilli())
            .param("id", complaintId.toString())
            .update()
        == 1;
  }

  /** Marks the report as spam (it also revokes its link); false when it is not a portal report. */
  boolean markSpam(UUID complaintId, Instant now) {
    return jdbc.sql(
                """
                UPDATE portal_reports SET spam_at = :now, revoked_at = coalesce(revoked_at, :now)
                WHERE complaint_id = :id
                """)
            .param("now", now.toEpochMilli())
            .param("id", complaintId.toString())
            .update()
        == 1;
  }

  void block(String source, Instant until) {
    jdbc.sql(
            """
            INSERT INTO portal_blocks (source, until) VALUES (:source, :until)
            ON CONFLICT (source) DO UPDATE SET until = excluded.until
            """)
        .param("source", source)
        .param("until", until.toEpochMilli())
        .update();
  }

  boolean blocked(String source, Instant now) {
    return jdbc.sql("SELECT count(*) FROM portal_blocks WHERE source = :source AND until > :now")
            .param("source", source)
            .param("now", now.toEpochMilli())
            .query(Long.class)
            .single()
        > 0;
  }

  private static Report report(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    rs.getLong("email_confirmed_at");
    boolean confirmed = !rs.wasNull();
    rs.getLong("unsubscribed_at");
    boolean unsubscribed = !rs.wasNull();
    rs.getLong("revoked_at");
    boolean revoked = !rs.wasNull();
    rs.getLong("spam_at");
    boolean spam = !rs.wasNull();
    return new Report(
        UUID.fromString(rs.getString("complaint_id")),
        rs.getString("reporter_name"),
        rs.getString("email"),
        confirmed,
        unsubscribed,
        revoked,
        spam,
        rs.getString("source"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        rs.getInt("photo_count"));
  }
}
