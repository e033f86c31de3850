package org.hostel.complaints.complaint;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** Remembers which complaint an {@code Idempotency-Key} created, per caller, for a day. */
@Repository
class IdempotencyRepository {

  private final JdbcClient jdbc;
  private final java.time.Clock clock;

  IdempotencyRepository(JdbcClient jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record Stored(String requestHash, UUID complaintId) {}

  /** Claims the key; false when someone already holds it (the holder is then committed). */
  boolean claim(String caller, String key, String requestHash, UUID complaintId, Instant at) {
    return jdbc.sql(
                """
                INSERT INTO idempotency_keys (caller, idem_key, request_hash, complaint_id, created_at)
                VALUES (:caller, :key, :hash, :complaintId, :at)
                ON CONFLICT (caller, idem_key) DO NOTHING
                """)
            .param("caller", caller)
            .param("key", key)
            .param("hash", requestHash)
            .param("complaintId", complaintId.toString())
            .param("at", at.toEpochMilli())
            .update()
        == 1;
  }

  Optional<Stored> find(String caller, String key) {
    return jdbc.sql(
            "SELECT request_hash, complaint_id FROM idempotency_keys WHERE caller = :caller AND idem_key = :key")
        .param("caller", caller)
        .param("key", key)
        .query((rs, n) -> new Stored(rs.getString(1), UUID.fromString(rs.getString(2))))
        .optional();
  }

  @Scheduled(fixedDelay = 3_600_000, initialDelay = 120_000)
  void forgetOldKeys() {
    jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :before")
        .param("before", clock.instant().minus(java.time.Duration.ofHours(24)).toEpochMilli())
        .update();
  }
}
