package org.hostel.complaints.staff;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What token checks know of each presented token (its account's role, whether it is active, the
 * cut-off, whether this token is revoked), kept in memory so that an authenticated request costs no
 * database round trip. Every change to that state reaches every instance through {@link
 * AccountChanges}, which makes the caches forget it; an entry is also never used for longer than
 * {@code complaints.auth.account-cache-ttl}, so a lost message still expires in that bound.
 */
@Component
class AccountStates {

  /** More live tokens than this is not a staff of a hostel; start afresh rather than grow. */
  private static final int MAX_ENTRIES = 50_000;

  private record Entry(UUID staffId, StaffRepository.TokenState state, long loadedAt) {}

  private final ConcurrentHashMap<String, Entry> byToken = new ConcurrentHashMap<>();
  private final AtomicLong forgets = new AtomicLong();
  private final long ttlNanos;

  AccountStates(AuthSettings settings) {
    this.ttlNanos = settings.accountCacheTtl().toNanos();
  }

  /** The state of a token, from memory when it is fresh enough, else from {@code load}. */
  Optional<StaffRepository.TokenState> state(
      UUID staffId, String tokenId, Supplier<Optional<StaffRepository.TokenState>> load) {
    long now = System.nanoTime();
    Entry entry = byToken.get(tokenId);
    if (entry != null && entry.staffId().equals(staffId) && now - entry.loadedAt() < ttlNanos) {
      return Optional.of(entry.state());
    }
    // A change heard while loading may be older than what was read: keep nothing then.
    long before = forgets.get();
    Optional<StaffRepository.TokenState> loaded = load.get();
    if (loaded.isPresent() && ttlNanos > 0) {
      if (byToken.size() >= MAX_ENTRIES) {
        byToken.clear();
      }
      byToken.put(tokenId, new Entry(staffId, loaded.get(), now));
      if (forgets.get() != before) {
        byToken.remove(tokenId);
      }
    }
    return loaded;
  }

  /** Every token of this account is checked against the database again. */
  void forgetAccount(UUID staffId) {
    forgets.incrementAndGet();
    byToken.values().removeIf(entry -> entry.staffId().equals(staffId));
  }

  /** This one token is checked against the database again. */
  void forgetToken(String tokenId) {
    forgets.incrementAndGet();
    byToken.remove(tokenId);
  }

  /** After messages may have been missed (a lost connection to the broker). */
  void forgetAll() {
    forgets.incrementAndGet();
    byToken.clear();
  }

  Duration ttl() {
    return Duration.ofNanos(ttlNanos);
  }
}
