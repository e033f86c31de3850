package org.hostel.complaints.staff;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per issued staff token (keyed by its {@code jti}): where and when it was made and last
 * used, so people can see their sessions and end them. Revocation itself stays the revoked-token
 * list and the per-account cut-off; this only describes.
 */
@Repository
class SessionRegistry {

  /** Last use is written at most this often per session, not on every request. */
  static final long TOUCH_EVERY_MILLIS = 60_000;

  private final JdbcClient jdbc;
  private final java.util.concurrent.ConcurrentHashMap<String, Long> lastTouched =
      new java.util.concurrent.ConcurrentHashMap<>();

  SessionRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void opened(
      String jti,
      UUID staffId,
      Instant at,
      Instant expires,
      @Nullable String address,
      @Nullable String userAgent) {
    jdbc.sql(
            """
            INSERT INTO staff_sessions (id, staff_id, created_at, last_used_at, expires_at,
                                        address, user_agent)
            VALUES (:id, :staff, :at, :at, :expires, :address, :agent)
            """)
        .param("id", jti)
        .param("staff", staffId.toString())
        .param("at", at.toEpochMilli())
        .param("expires", expires.toEpochMilli())
        .param("address", cut(address, 64))
        .param("agent", cut(userAgent, 255))
        .update();
  }

  /**
   * Records a use, but writes only when this instance has not written one for the session in the
   * last minute: a database write on every request would cost far more than the list is worth.
   */
  void touch(String jti, Instant at) {
    long now = at.toEpochMilli();
    Long last = lastTouched.get(jti);
    if (last != null && now - last < TOUCH_EVERY_MILLIS) {
      return;
    }
    if (lastTouched.size() > 50_000) {
      lastTouched.clear();
    }
    lastTouched.put(jti, now);
    jdbc.sql("UPDATE staff_sessions SET last_used_at = :at WHERE id = :id AND last_used_at < :old")
        .param("at", at.toEpochMilli())
        .param("old", at.toEpochMilli() - TOUCH_EVERY_MILLIS)
        .param("id", jti)
        .update();
  }

  /** Sessions of one member that are unexpired, issued after the cut-off and not revoked. */
  List<StaffAccounts.Session> live(UUID staffId, Instant now, long validAfterSecond) {
    return jdbc.sql(
            """
            SELECT id, created_at, last_used_at, expires_at, address, user_agent
            FROM staff_sessions s
            WHERE staff_id = :staff AND expires_at > :now AND created_at >= :after
              AND NOT EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.jti = s.id)
            ORDER BY last_used_at DESC, id
            """)
        .param("staff", staffId.toString())
        .param("now", now.toEpochMilli())
        .param("after", validAfterSecond * 1000)
        .query(
            (rs, n) ->
                new StaffAccounts.Session(
                    rs.getString("id"),
                    Instant.ofEpochMilli(rs.getLong("created_at")),
                    Instant.ofEpochMilli(rs.getLong("last_used_at")),
                    Instant.ofEpochMilli(rs.getLong("expires_at")),
                    rs.getString("address"),
                    rs.getString("user_agent"),
                    false))
        .list();
  }

  /** Expired sessions are no use to anyone; their rows go within the hour. */
  @org.springframework.scheduling.annotation.Scheduled(
      fixedDelay = 3_600_000,
      initialDelay = 60_000)
  void forgetExpired() {
    forgetExpired(java.time.Instant.now());
    lastTouched.clear();
  }

  int forgetExpired(Instant now) {
    return jdbc.sql("DELETE FROM staff_sessions WHERE expires_at < :now")
        .param("now", now.toEpochMilli())
        .update();
  }

  private static @Nullable String cut(@Nullable String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
