package org.hostel.complaints.storage;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDs (version 7, RFC 9562) so new rows land at the end of primary-key indexes
 * instead of scattering writes across them. Within one process they are also strictly increasing
 * (the 12 bits after the millisecond count up, RFC 9562 §6.2 method 3), so rows written in the same
 * millisecond, such as two history lines of one change, keep the order they were written in.
 */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The millisecond and the 12-bit counter of the last id, as {@code millis << 12 | counter}. */
  private static final AtomicLong LAST = new AtomicLong();

  private Ids() {}

  public static UUID newId() {
    long stamp =
        LAST.updateAndGet(
            last -> {
              long now = System.currentTimeMillis() << 12;
              // A new millisecond starts its counter at a random point in the lower half, so
              // ids of one millisecond are still hard to guess; within it, each is one more.
              return now > last ? now | RANDOM.nextInt(1 << 11) : last + 1;
            });
    long millis = stamp >>> 12;
    long counter = stamp & 0xFFF;
    long high = (millis << 16) | 0x7000L | counter;
    long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
