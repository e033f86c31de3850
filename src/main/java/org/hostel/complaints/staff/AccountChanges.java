package org.hostel.complaints.staff;

import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance that what token checks know of an account or a token has changed, so that
 * their {@link AccountStates} forget it once the change is committed. The store calls it right
 * after each write, inside the write's transaction when there is one. Three ways, one per shape: in
 * this process on the embedded default, PostgreSQL {@code LISTEN/NOTIFY} on PostgreSQL, Redis
 * pub/sub wherever Redis is configured.
 */
interface AccountChanges {

  /** Active flag, cut-off, password or existence of the account changed. */
  void accountChanged(UUID staffId);

  /** One token was revoked. */
  void tokenRevoked(String tokenId);

  /** Which way changes travel, for the start-up summary and the docs. */
  String kind();

  /**
   * Runs {@code action} once the current transaction has committed (with {@code true}) or rolled
   * back ({@code false}), or at once with {@code true} when there is no transaction.
   */
  static void whenDone(java.util.function.Consumer<Boolean> action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.accept(true);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            action.accept(status == STATUS_COMMITTED);
          }
        });
  }

  /** The embedded default is one process: forgetting here is forgetting everywhere. */
  final class InProcess implements AccountChanges {

    private final AccountStates states;

    InProcess(AccountStates states) {
      this.states = states;
    }

    @Override
    public void accountChanged(UUID staffId) {
      whenDone(committed -> states.forgetAccount(staffId));
    }

    @Override
    public void tokenRevoked(String tokenId) {
      whenDone(committed -> states.forgetToken(tokenId));
    }

    @Override
    public String kind() {
      return "in-process";
    }
  }
}
