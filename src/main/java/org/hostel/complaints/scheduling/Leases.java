package org.hostel.complaints.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Named, renewable leases for roles that one instance holds at a time for a long while, e.g. the
 * Telegram long-poller: the holder renews every few seconds; when it dies, another instance takes
 * the role within one ttl. Stored in ShedLock's table, so names share one space with scheduled
 * jobs' locks.
 *
 * <pre>{@code
 * leases.tryAcquire("telegram-poller", Duration.ofSeconds(6)).ifPresent(lease -> {
 *   try (lease) {
 *     while (running && lease.renew()) {
 *       pollOnce(Duration.ofSeconds(2)); // well within the ttl
 *     }
 *   }
 * });
 * }</pre>
 */
@Service
public class Leases {

  private static final Duration SHORTEST = Duration.ofMillis(500);

  private final LockProvider locks;

  Leases(LockProvider locks) {
    this.locks = locks;
  }

  /**
   * Takes the lease {@code name} for {@code ttl} if nobody holds it (or its holder let it run out).
   * Call outside any transaction: the lease is written in one of its own.
   *
   * @param name at most 64 characters, e.g. {@code telegram-poller}
   * @param ttl how long it is held without renewal, at least 500 ms; a few seconds for a role that
   *     must move quickly when its holder dies
   * @return the lease, or empty when another instance holds it
   */
  public Optional<Lease> tryAcquire(String name, Duration ttl) {
    if (name.isBlank() || name.length() > 64) {
      throw new IllegalArgumentException("A lease name has 1 to 64 characters");
    }
    if (ttl.compareTo(SHORTEST) < 0) {
      throw new IllegalArgumentException("A lease lasts at least " + SHORTEST);
    }
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      // On SQLite the lease's own transaction would wait for the caller's write turn, in vain.
      throw new IllegalStateException("Acquire leases outside transactions");
    }
    return locks
        .lock(new LockConfiguration(Instant.now(), name, ttl, Duration.ZERO))
        .map(lock -> new Lease(name, ttl, lock));
  }
}
