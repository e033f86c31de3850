package org.hostel.complaints.scheduling;

import java.time.Duration;
import java.util.Optional;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jspecify.annotations.Nullable;

/**
 * A named lease this instance holds until it runs out, unless renewed. Whoever holds it must stop
 * acting in its role as soon as {@link #renew} answers false: another instance may have it by then.
 */
public final class Lease implements AutoCloseable {

  private final String name;
  private final Duration ttl;
  private @Nullable SimpleLock lock;

  Lease(String name, Duration ttl, SimpleLock lock) {
    this.name = name;
    this.ttl = ttl;
    this.lock = lock;
  }

  public String name() {
    return name;
  }

  /** How long each acquisition or renewal holds it. */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Holds the lease for another {@link #ttl} from now. Renew well before it runs out (every third
   * of the ttl, say).
   *
   * @return false when the lease was lost: it ran out and, maybe, another instance took it. A lost
   *     lease stays lost; acquire it again with {@link Leases#tryAcquire}
   */
  public synchronized boolean renew() {
    if (lock == null) {
      return false;
    }
    Optional<SimpleLock> renewed = lock.extend(ttl, Duration.ZERO);
    lock = renewed.orElse(null);
    return lock != null;
  }

  /** Whether the last acquisition or renewal succeeded and it was not released since. */
  public synchronized boolean held() {
    return lock != null;
  }

  /**
   * Gives the lease up at once, so another instance can take it without waiting for it to run out.
   * Does nothing to a lease already lost: it may be another's by now.
   */
  public synchronized void release() {
    if (lock != null) {
      SimpleLock held = lock;
      lock = null;
      held.unlock();
    }
  }

  @Override
  public void close() {
    release();
  }
}
