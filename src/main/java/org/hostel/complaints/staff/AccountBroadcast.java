package org.hostel.complaints.staff;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account changes sent through a broker that every instance, this one included, listens to. The
 * change that causes one answers only once this instance has heard its own message back (or after
 * {@link #ECHO_WAIT}): the broker hands a message to all its listeners together, so by then the
 * other instances have it as well, and a sign-out is refused everywhere by the time it is answered.
 */
abstract class AccountBroadcast implements AccountChanges {

  static final Duration ECHO_WAIT = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(AccountBroadcast.class);

  private final AccountStates states;
  private final ConcurrentHashMap<String, CountDownLatch> awaited = new ConcurrentHashMap<>();

  AccountBroadcast(AccountStates states) {
    this.states = states;
  }

  /** Sends inside the write's transaction (delivered when it commits) rather than after it. */
  abstract boolean transactional();

  abstract void send(String message);

  @Override
  public void accountChanged(UUID staffId) {
    announce("account " + staffId);
  }

  @Override
  public void tokenRevoked(String tokenId) {
    announce("token " + tokenId);
  }

  private void announce(String what) {
    String nonce = UUID.randomUUID().toString();
    String message = what + " " + nonce;
    CountDownLatch echo = new CountDownLatch(1);
    awaited.put(nonce, echo);
    boolean sentWithWrite = transactional() && trySend(message);
    AccountChanges.whenDone(
        committed -> {
          try {
            if (committed) {
              forget(what);
              if (sentWithWrite || (!transactional() && trySend(message))) {
                awaitEcho(echo);
              }
            }
          } finally {
            awaited.remove(nonce);
          }
        });
  }

  /** A message from any instance, this one included. */
  final void heard(String message) {
    String[] parts = message.split(" ");
    if (parts.length != 3) {
      log.warn("Ignoring an unreadable account change: {}", message);
      return;
    }
    forget(parts[0] + " " + parts[1]);
    CountDownLatch echo = awaited.get(parts[2]);
    if (echo != null) {
      echo.countDown();
    }
  }

  /** Messages may have been missed (the connection to the broker was lost). */
  final void forgetAll() {
    states.forgetAll();
  }

  private void forget(String what) {
    if (what.startsWith("account ")) {
      try {
        states.forgetAccount(UUID.fromString(what.substring("account ".length())));
      } catch (IllegalArgumentException e) {
        log.warn("Ignoring an account change without an account id: {}", what);
      }
    } else if (what.startsWith("token ")) {
      states.forgetToken(what.substring("token ".length()));
    }
  }

  private boolean trySend(String message) {
    try {
      send(message);
      return true;
    } catch (RuntimeException e) {
      // The write stands; other instances catch up when their cached entry expires.
      log.warn("Could not announce an account change ({}): {}", kind(), e.toString());
      return false;
    }
  }

  private static void awaitEcho(CountDownLatch echo) {
    try {
      if (!echo.await(ECHO_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("An account change was not heard back within {}", ECHO_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
