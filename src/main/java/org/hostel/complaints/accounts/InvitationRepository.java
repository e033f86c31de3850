package org.hostel.complaints.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hostel.complaints.staff.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvitationRepository {

  private static final String COLUMNS =
      "id, email, full_name, role, invited_by, created_at, expires_at, accepted_at, revoked_at";

  private final JdbcClient jdbc;

  InvitationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored invitation; its token exists only as a hash. */
  record Row(
      UUID id,
      String email,
      String fullName,
      Role role,
      @Nullable UUID invitedBy,
      Instant createdAt,
      Instant expiresAt,
      @Nullable Instant acceptedAt,
      @Nullable Instant revokedAt) {

    String status(Instant now) {
      if (acceptedAt != null) {
        return "accepted";
      }
      if (revokedAt != null) {
        return "revoked";
      }
      return expiresAt.isAfter(now) ? "pending" : "expired";
    }
  }

  void insert(Row row, String tokenHash) {
    jdbc.sql(
            """
            INSERT INTO staff_invitations (id, email, full_name, role, token_hash, invited_by,
                                           created_at, expires_at)
            VALUES (:id, :email, :name, :role, :hash, :by, :created, :expires)
            """)
        .param("id", row.id().toString())
        .param("email", row.email())
        .param("name", row.fullName())
        .param("role", row.role().value())
        .param("hash", tokenHash)
        .param("by", row.invitedBy() == null ? null : row.invitedBy().toString())
        .param("created", row.createdAt().toEpochMilli())
        .param("expires", row.expiresAt().toEpochMilli())
        .update();
  }

  Optional<Row> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM staff_invitations WHERE id = :id")
        .param("id", id.toString())
        .query(InvitationRepository::row)
        .optional();
  }

  Optional<Row> byToken(String tokenHash) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM staff_invitations WHERE token_hash = :hash")
        .param("hash", tokenHash)
        .query(InvitationRepository::row)
        .optional();
  }

  /** Open invitations to one address: neither accepted nor revoked nor expired. */
  List<Row> pendingFor(String email, Instant now) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM staff_invitations WHERE email = :email AND accepted_at IS NULL"
                + " AND revoked_at IS NULL AND expires_at > :now")
        .param("email", email)
        .param("now", now.toEpochMilli())
        .query(InvitationRepository::row)
        .list();
  }

  List<Row> recent(int limit) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM staff_invitations ORDER BY created_at DESC, id LIMIT :n")
        .param("n", limit)
        .query(InvitationRepository::row)
        .list();
  }

  /** A new token and expiry for an open invitation; the old link stops working. */
  boolean renew(UUID id, String tokenHash, Instant expires) {
    return jdbc.sql(
                """
                UPDATE staff_invitations SET token_hash = :hash, expires_at = :expires
                WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL
                """)
            .param("hash", tokenHash)
            .param("expires", expires.toEpochMilli())
            .param("id", id.toString())
            .update()
        == 1;
  }

  boolean revoke(UUID id, Instant now) {
    return jdbc.sql(
                """
                UPDATE staff_invitations SET revoked_at = :now
                WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL
                """)
            .param("now", now.toEpochMilli())
            .param("id", id.toString())
            .update()
        == 1;
  }

  /** Marks it used, once: false when another request used or revoked it first. */
  boolean accept(UUID id, Instant now) {
    return jdbc.sql(
                """
                UPDATE staff_invitations SET accepted_at = :now
                WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL
                  AND expires_at > :now
                """)
            .param("now", now.toEpochMilli())
            .param("id", id.toString())
            .update()
        == 1;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    String by = rs.getString("invited_by");
    long accepted = rs.getLong("accepted_at");
    boolean acceptedNull = rs.wasNull();
    long revoked = rs.getLong("revoked_at");
    boolean revokedNull = rs.wasNull();
    return new Row(
        UUID.fromString(rs.getString("id")),
        rs.getString("email"),
        rs.getString("full_name"),
        Role.valueOf(rs.getString("role").toUpperCase(java.util.Locale.ROOT)),
        by == null ? null : UUID.fromString(by),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("expires_at")),
        acceptedNull ? null : Instant.ofEpochMilli(accepted),
        revokedNull ? null : Instant.ofEpochMilli(revoked));
  }
}
