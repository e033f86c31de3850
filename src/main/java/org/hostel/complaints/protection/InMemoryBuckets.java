package org.hostel.complaints.protection;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Bucket4j buckets in this process. Buckets that have refilled completely are dropped, so memory
 * follows the number of recent clients.
 */
class InMemoryBuckets implements RateLimiter {

  private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();

  @Override
  public Decision tryAcquire(String key, Limit limit) {
    ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? new Decision(true, probe.getRemainingTokens(), 0)
        : new Decision(false, 0, seconds(probe.getNanosToWaitForRefill()));
  }

  @Override
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

  @Override
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

  /** Whole seconds, rounded up, at least one: what {@code Retry-After} can express. */
  static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  private record Entry(Bucket bucket, long capacity) {}
}
