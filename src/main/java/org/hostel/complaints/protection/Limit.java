package org.hostel.complaints.protection;

import java.time.Duration;

/**
 * A token bucket: {@code capacity} requests at once, refilled evenly over {@code period}.
 *
 * @param capacity burst size and tokens added per period
 * @param period time to refill the whole bucket
 */
public record Limit(long capacity, Duration period) {

  public Limit {
    if (capacity < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("A limit needs a positive capacity and period");
    }
  }
}
