package org.hostel.complaints.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * When to try a message again: the first retry after {@code first}, doubling with each attempt up
 * to {@code max}, each wait drawn between half and all of that ("equal jitter") so that messages
 * that failed together do not all come back at the same moment. A channel's own {@code after}
 * (Telegram's {@code retry_after}) wins over the backoff, because the channel will refuse anything
 * sooner.
 */
record Retries(Duration first, Duration max) {

  static Retries from(OutboxSettings settings) {
    return new Retries(settings.firstRetry(), settings.maxRetryDelay());
  }

  /**
   * @param attempts attempts made so far, the failed one included (1 after the first failure)
   */
  Duration delay(int attempts, @Nullable Duration after) {
    if (after != null && !after.isNegative()) {
      return after;
    }
    long ceiling = max.toMillis();
    long full = first.toMillis();
    for (int i = 1; i < attempts && full < ceiling; i++) {
      full *= 2;
    }
    full = Math.min(full, ceiling);
    long half = full / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
  }
}
