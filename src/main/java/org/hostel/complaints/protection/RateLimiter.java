package org.hostel.complaints.protection;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Token buckets keyed by whatever the caller chooses (a client address, a user name). Buckets that
 * have refilled completely are dropped, so memory follows the number of recent clients.
 */
@Service
public class RateLimiter {

  private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();

  /** Takes one token; answers how long to wait when there is none. */
  public Decision tryAcquire(String key, Limit limit) {
    ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? new Decision(true, probe.getRemainingTokens(), 0)
        : new Decision(false, 0, seconds(probe.getNanosToWaitForRefill()));
  }

  /** Whether a token is there, without taking it. */
  public Decision peek(String key, Limit limit) {
    Entry entry = buckets.get(key);
    if (entry == null) {
      return new Decision(true, limit.capacity(), 0);
    }
    long available = entry.bucket().getAvailableTokens();
    if (available > 0) {
      return new Decision(true, available, 0);
    }
    long wait = seconds(entry.bucket().estimateAbilityToConsume(1).getNanosToWaitForRefill());
    return new Decision(false, 0, Math.max(1, wait));
  }

  /** Takes one token even if that leaves the bucket empty; used to count failures. */
  public void consume(String key, Limit limit) {
    bucket(key, limit).tryConsume(1);
  }

  @Scheduled(fixedDelay = 60_000)
  void dropFullBuckets() {
    buckets
        .entrySet()
        .removeIf(e -> e.getValue().bucket().getAvailableTokens() >= e.getValue().capacity());
  }

  private Bucket bucket(String key, Limit limit) {
    return buckets
        .computeIfAbsent(
            key,
            k ->
                new Entry(
                    Bucket.builder()
                        .addLimit(
                            Bandwidth.builder()
                                .capacity(limit.capacity())
                                .refillGreedy(limit.capacity(), limit.period())
                                .build())
                        .build(),
                    limit.capacity()))
        .bucket();
  }

  private static long seconds(long nanos) {
    return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
  }

  private record Entry(Bucket bucket, long capacity) {}

  /**
   * @param allowed whether the request may go on
   * @param remaining tokens left after this one
   * @param retryAfterSeconds when not allowed, seconds until a token is back
   */
  public record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}
}
