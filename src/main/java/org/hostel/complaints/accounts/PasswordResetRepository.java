package org.hostel.complaints.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PasswordResetRepository {

  private final JdbcClient jdbc;

  PasswordResetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Row(UUID staffId, String passwordStamp, Instant expiresAt, @Nullable Instant usedAt) {}

  void insert(String tokenHash, UUID staffId, String stamp, Instant now, Instant expires) {
    jdbc.sql(
            """
            INSERT INTO password_resets (token_hash, staff_id, password_stamp, created_at,
                                         expires_at)
            VALUES (:hash, :staff, :stamp, :now, :expires)
            """)
        .param("hash", tokenHash)
        .param("staff", staffId.toString())
        .param("stamp", stamp)
        .param("now", now.toEpochMilli())
        .param("expires", expires.toEpochMilli())
        .update();
  }

  Optional<Row> find(String tokenHash) {
    return jdbc.sql(
            "SELECT staff_id, password_stamp, expires_at, used_at FROM password_resets"
                + " WHERE token_hash = :hash")
        .param("hash", tokenHash)
        .query(
            (rs, n) -> {
              long used = rs.getLong("used_at");
              boolean unused = rs.wasNull();
              return new Row(
                  UUID.fromString(rs.getString("staff_id")),
                  rs.getString("password_stamp"),
                  Instant.ofEpochMilli(rs.getLong("expires_at")),
                  unused ? null : Instant.ofEpochMilli(used));
            })
        .optional();
  }

  /** Uses the link once; false when another request used it first. */
  boolean use(String tokenHash, Instant now) {
    return jdbc.sql(
                "UPDATE password_resets SET used_at = :now WHERE token_hash = :hash"
                    + " AND used_at IS NULL AND expires_at > :now")
            .param("now", now.toEpochMilli())
            .param("hash", tokenHash)
            .update()
        == 1;
  }

  /** Every other open link of the account stops working. */
  void closeAll(UUID staffId, Instant now) {
    jdbc.sql(
            "UPDATE password_resets SET used_at = :now WHERE staff_id = :staff AND used_at IS NULL")
        .param("now", now.toEpochMilli())
        .param("staff", staffId.toString())
        .update();
  }

  int forgetBefore(Instant before) {
    return jdbc.sql("DELETE FROM password_resets WHERE expires_at < :before")
        .param("before", before.toEpochMilli())
        .update();
  }
}
