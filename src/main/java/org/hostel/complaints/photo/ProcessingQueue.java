package org.hostel.complaints.photo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The photos table as the processing queue. A worker claims a {@code processing} row by setting
 * {@code claimed_until} in an update that only succeeds while nobody holds it, so of several
 * instances exactly one wins each photo; a claim left by a crashed instance lapses and the photo is
 * claimed again.
 */
@Repository
class ProcessingQueue {

  private volatile long waiting;
  private volatile long countedAt = System.nanoTime() - Long.MAX_VALUE / 2;

  /** A photo claimed for processing, and how many times it has been claimed, this one included. */
  record Claimed(Photo photo, int attempt) {}

  private final JdbcClient jdbc;

  ProcessingQueue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the oldest unclaimed photo until {@code now + lease}, or none when there is none. */
  Optional<Claimed> claim(Instant now, Duration lease) {
    List<String> candidates =
        jdbc.sql(
                """
                SELECT id FROM photos
                WHERE state = 'processing' AND (claimed_until IS NULL OR claimed_until < :now)
                ORDER BY created_at LIMIT 8
                """)
            .param("now", now.toEpochMilli())
            .query(String.class)
            .list();
    for (String id : candidates) {
      int won =
          jdbc.sql(
                  """
                  UPDATE photos SET claimed_until = :until, attempts = attempts + 1
                  WHERE id = :id AND state = 'processing'
                    AND (claimed_until IS NULL OR claimed_until < :now)
                  """)
              .param("until", now.plus(lease).toEpochMilli())
              .param("id", id)
              .param("now", now.toEpochMilli())
              .update();
      if (won == 1) {
        return jdbc.sql(
                "SELECT " + PhotoRepository.COLUMNS + ", attempts FROM photos WHERE id = :id")
            .param("id", id)
            .query((rs, n) -> new Claimed(PhotoRepository.map(rs, n), rs.getInt("attempts")))
            .optional();
      }
    }
    return Optional.empty();
  }

  /** Records what processing made of the photo; false when it was removed meanwhile. */
  boolean markReady(Photo p) {
    return jdbc.sql(
                """
                UPDATE photos
                SET state = 'ready', mime_type = :mimeType, file_size = :fileSize, width = :width,
                    height = :height, sha256 = :sha256, claimed_until = NULL
                WHERE id = :id AND state = 'processing'
                """)
            .param("mimeType", p.mimeType())
            .param("fileSize", p.fileSize())
            .param("width", p.width())
            .param("height", p.height())
            .param("sha256", p.sha256())
            .param("id", p.id().toString())
            .update()
        == 1;
  }

  /** The photo cannot be processed; false when it was removed meanwhile. */
  boolean markFailed(UUID id) {
    return jdbc.sql(
                """
                UPDATE photos SET state = 'failed', claimed_until = NULL
                WHERE id = :id AND state = 'processing'
                """)
            .param("id", id.toString())
            .update()
        == 1;
  }

  /** Lets the photos be claimed again at once, as if these claims had not been made. */
  void release(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            UPDATE photos SET claimed_until = NULL, attempts = attempts - 1
            WHERE id IN (:ids) AND state = 'processing' AND attempts > 0
            """)
        .param("ids", ids.stream().map(UUID::toString).toList())
        .update();
  }

  /**
   * Counts the photos accepted and not yet processed, on every instance, for {@link #waiting()}.
   * The workers call it as they look for work, so a scrape of the figures never waits for a
   * database connection (under overload the pool may have none to give).
   */
  void countWaiting() {
    waiting =
        jdbc.sql("SELECT count(*) FROM photos WHERE state = 'processing'")
            .query(Long.class)
            .single();
    countedAt = System.nanoTime();
  }

  /** Whether the last count is older than {@code age}. */
  boolean countOlderThan(java.time.Duration age) {
    return System.nanoTime() - countedAt > age.toNanos();
  }

  /** Photos accepted and not yet processed at the workers' last count. */
  long waiting() {
    return waiting;
  }
}
