package org.hostel.complaints.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** TOTP secrets, hashed recovery codes and pending logins. */
@Repository
class TwoFactorRepository {

  private final JdbcClient jdbc;

  TwoFactorRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Secret(String secret, boolean confirmed, long lastStep) {}

  Optional<Secret> secret(UUID staffId) {
    return jdbc.sql("SELECT secret, confirmed_at, last_step FROM staff_totp WHERE staff_id = :id")
        .param("id", staffId.toString())
        .query(
            (rs, n) -> {
              rs.getLong("confirmed_at");
              boolean unconfirmed = rs.wasNull();
              return new Secret(rs.getString("secret"), !unconfirmed, rs.getLong("last_step"));
            })
        .optional();
  }

  boolean confirmed(UUID staffId) {
    return secret(staffId).map(Secret::confirmed).orElse(false);
  }

  /** A new, unconfirmed secret, replacing an unconfirmed one. */
  void begin(UUID staffId, String secret) {
    jdbc.sql("DELETE FROM staff_totp WHERE staff_id = :id AND confirmed_at IS NULL")
        .param("id", staffId.toString())
        .update();
    jdbc.sql("INSERT INTO staff_totp (staff_id, secret, last_step) VALUES (:id, :secret, 0)")
        .param("id", staffId.toString())
        .param("secret", secret)
        .update();
  }

  void confirm(UUID staffId, Instant now) {
    jdbc.sql("UPDATE staff_totp SET confirmed_at = :now WHERE staff_id = :id")
        .param("now", now.toEpochMilli())
        .param("id", staffId.toString())
        .update();
  }

  /** Records the step a code was used for; false when it or a later one was used already. */
  boolean used(UUID staffId, long step) {
    return jdbc.sql(
                "UPDATE staff_totp SET last_step = :step WHERE staff_id = :id AND last_step < :step")
            .param("step", step)
            .param("id", staffId.toString())
            .update()
        == 1;
  }

  void remove(UUID staffId) {
    jdbc.sql("DELETE FROM staff_totp WHERE staff_id = :id")
        .param("id", staffId.toString())
        .update();
    jdbc.sql("DELETE FROM staff_recovery_codes WHERE staff_id = :id")
        .param("id", staffId.toString())
        .update();
  }

  void replaceRecoveryCodes(UUID staffId, Collection<String> hashes) {
    jdbc.sql("DELETE FROM staff_recovery_codes WHERE staff_id = :id")
        .param("id", staffId.toString())
        .update();
    for (String hash : hashes) {
      jdbc.sql("INSERT INTO staff_recovery_codes (code_hash, staff_id) VALUES (:hash, :id)")
          .param("hash", hash)
          .param("id", staffId.toString())
          .update();
    }
  }

  /** Uses a recovery code once; false when it is not one of this account's unused codes. */
  boolean useRecoveryCode(UUID staffId, String hash, Instant now) {
    return jdbc.sql(
                "UPDATE staff_recovery_codes SET used_at = :now WHERE code_hash = :hash"
                    + " AND staff_id = :id AND used_at IS NULL")
            .param("now", now.toEpochMilli())
            .param("hash", hash)
            .param("id", staffId.toString())
            .update()
        == 1;
  }

  void challenge(String tokenHash, UUID staffId, Instant expires) {
    jdbc.sql(
            "INSERT INTO mfa_challenges (token_hash, staff_id, expires_at) VALUES (:hash, :id, :exp)")
        .param("hash", tokenHash)
        .param("id", staffId.toString())
        .param("exp", expires.toEpochMilli())
        .update();
  }

  /** The account of an unused, unexpired pending login. */
  Optional<UUID> pending(String tokenHash, Instant now) {
    return jdbc.sql(
            "SELECT staff_id FROM mfa_challenges WHERE token_hash = :hash AND used_at IS NULL"
                + " AND expires_at > :now")
        .param("hash", tokenHash)
        .param("now", now.toEpochMilli())
        .query((rs, n) -> UUID.fromString(rs.getString(1)))
        .optional();
  }

  boolean finish(String tokenHash, Instant now) {
    return jdbc.sql(
                "UPDATE mfa_challenges SET used_at = :now WHERE token_hash = :hash"
                    + " AND used_at IS NULL")
            .param("now", now.toEpochMilli())
            .param("hash", tokenHash)
            .update()
        == 1;
  }

  int forgetBefore(Instant before) {
    return jdbc.sql("DELETE FROM mfa_challenges WHERE expires_at < :before")
        .param("before", before.toEpochMilli())
        .update();
  }
}
