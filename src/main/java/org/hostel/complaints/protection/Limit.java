package org.hostel.complaints.protection;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

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

  /** Reads {@code N/period} as written in configuration, e.g. {@code 600/1m} or {@code 5/10s}. */
  public static Limit parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("A limit is written N/period, e.g. 600/1m: " + text);
    }
    try {
      long capacity = Long.parseLong(text.substring(0, slash).trim());
      Duration period = DurationStyle.detectAndParse(text.substring(slash + 1).trim());
      return new Limit(capacity, period);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("A limit is written N/period, e.g. 600/1m: " + text, e);
    }
  }

  @Override
  public String toString() {
    return capacity + "/" + period.toSeconds() + "s";
  }
}
