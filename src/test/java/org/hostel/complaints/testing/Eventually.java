package org.hostel.complaints.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something that happens after the call that causes it (a send after a commit). */
public final class Eventually {

  private static final Duration LIMIT = Duration.ofSeconds(30);

  private Eventually() {}

  /** Returns once {@code condition} holds; fails naming {@code what} after 30 seconds. */
  public static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + LIMIT + " waiting until " + what);
      }
      sleep(Duration.ofMillis(20));
    }
  }

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
