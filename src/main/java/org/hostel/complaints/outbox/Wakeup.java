package org.hostel.complaints.outbox;

import java.time.Duration;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the dispatcher before its next poll: after a commit that stored messages, after each send
 * (which may free the next message to the same recipient), and when a retry this instance scheduled
 * falls due, so a retry waits its backoff and not a poll interval on top. Its own bean so that
 * {@link Outbox} does not depend on the dispatcher (and, through it, on channel senders that may
 * well enqueue messages themselves).
 */
@Component
class Wakeup {

  private final Semaphore signals = new Semaphore(0);
  private final ConcurrentSkipListSet<Long> retries = new ConcurrentSkipListSet<>();

  void signal() {
    signals.release();
  }

  /** Asks for a wake-up at {@code epochMillis}. */
  void signalAt(long epochMillis) {
    retries.add(epochMillis);
    signals.release();
  }

  /**
   * Waits for a signal, for the next retry to fall due, or for {@code longest}, whichever comes
   * first; signals that arrived meanwhile are all consumed.
   */
  void await(Duration longest, long now) throws InterruptedException {
    boolean fallenDue = false;
    Long due = retries.pollFirst();
    while (due != null && due <= now) {
      fallenDue = true;
      due = retries.pollFirst();
    }
    if (due != null) {
      retries.add(due);
    }
    if (fallenDue) {
      // The cycle that follows at once claims what fell due.
      return;
    }
    long wait = due == null ? longest.toMillis() : Math.min(longest.toMillis(), due - now);
    if (signals.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
      signals.drainPermits();
    }
  }
}
