package org.hostel.complaints.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Waiting for something that happens later: a send after a commit, or a server that is starting.
 * Until the deadline, every kind of not-ready answer counts as "not yet": an exception (refused
 * connection, a timeout, a body that is not JSON such as a plain "Service Unavailable") or an
 * answer the caller does not accept (a 503). Only the deadline ends the wait, with the last answer
 * or exception in the failure.
 */
public final class Eventually {

  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final Duration PAUSE = Duration.ofMillis(20);
  private static final Duration SLOW_PAUSE = Duration.ofMillis(250);

  private Eventually() {}

  /** Returns once {@code condition} holds; fails naming {@code what} after 30 seconds. */
  public static void await(String what, BooleanSupplier condition) {
    await(what, LIMIT, condition::getAsBoolean);
  }

  /** Returns once {@code condition} holds, an exception counting as "not yet". */
  public static void await(String what, Duration limit, Callable<Boolean> condition) {
    poll(what, limit, condition, Boolean::booleanValue);
  }

  /**
   * Calls {@code attempt} until it answers something {@code done} accepts, and answers that; an
   * exception from either counts as "not yet".
   */
  public static <T> T poll(
      String what, Duration limit, Callable<? extends T> attempt, Predicate<? super T> done) {
    long deadline = System.nanoTime() + limit.toNanos();
    @Nullable Object last = null;
    while (true) {
      try {
        T answer = attempt.call();
        if (answer != null && done.test(answer)) {
          return answer;
        }
        last = answer;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting until " + what, e);
      } catch (Exception notYet) {
        last = notYet;
      }
      if (System.nanoTime() > deadline) {
        AssertionError failure =
            new AssertionError(
                "Timed out after " + limit + " waiting until " + what + "; last: " + last);
        if (last instanceof Throwable cause) {
          failure.initCause(cause);
        }
        throw failure;
      }
      // Short pauses for short waits (a send after a commit), longer ones for starting servers.
      sleep(limit.compareTo(LIMIT) > 0 ? SLOW_PAUSE : PAUSE);
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
