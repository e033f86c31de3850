package org.hostel.complaints.outbox;

import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hostel.complaints.observability.Spans;
import org.hostel.complaints.storage.Ids;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores messages to people in the transaction of the change that causes them; the dispatcher sends
 * them after the commit, with retries, in order per recipient. Nothing is sent for a change that is
 * rolled back, and nothing stored is ever dropped silently: a message ends sent, failed (with its
 * reason) or suppressed (its recipient is unreachable).
 */
@Service
@EnableConfigurationProperties(OutboxSettings.class)
public class Outbox {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,31}");
  private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

  private final OutboxRepository repository;
  private final TransactionTemplate mandatory;
  private final TransactionTemplate tx;
  private final Wakeup wakeup;
  private final Clock clock;
  private final Spans spans;

  Outbox(
      OutboxRepository repository,
      PlatformTransactionManager transactions,
      TransactionTemplate tx,
      Wakeup wakeup,
      Clock clock,
      Spans spans) {
    this.repository = repository;
    this.mandatory = new TransactionTemplate(transactions);
    this.mandatory.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
    this.tx = tx;
    this.wakeup = wakeup;
    this.clock = clock;
    this.spans = spans;
  }

  /**
   * Stores the message in the caller's transaction; it is sent after the commit.
   *
   * @return false when its dedup key was already stored (nothing new is stored)
   * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a
   *     transaction: a message stored on its own could announce a change that never commits
   */
  public boolean enqueue(OutgoingMessage message) {
    check(message);
    Boolean stored =
        mandatory.execute(
            status -> {
              boolean unreachable =
                  repository.isUnreachable(message.channel(), message.recipient());
              boolean inserted =
                  repository.insert(
                      Ids.newId(), message, unreachable, clock.millis(), spans.current());
              if (inserted && !unreachable) {
                TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                      @Override
                      public void afterCommit() {
                        wakeup.signal();
                      }
                    });
              }
              return inserted;
            });
    return Boolean.TRUE.equals(stored);
  }

  /** False once the channel reported the recipient gone for good, until marked reachable. */
  public boolean isReachable(String channel, String recipient) {
    return !repository.isUnreachable(channel, recipient);
  }

  /**
   * Sends to the recipient again from now on, e.g. when a resident talks to the bot again after
   * blocking it. Messages suppressed meanwhile stay unsent: they are out of date by now.
   */
  public void markReachable(String channel, String recipient) {
    tx.executeWithoutResult(status -> repository.markReachable(channel, recipient));
  }

  private static void check(OutgoingMessage message) {
    Objects.requireNonNull(message.payload(), "payload");
    if (!NAME.matcher(message.channel()).matches()) {
      throw new IllegalArgumentException("channel must match " + NAME);
    }
    if (!KIND.matcher(message.kind()).matches()) {
      throw new IllegalArgumentException("kind must match " + KIND);
    }
    if (message.recipient().isBlank() || message.recipient().length() > 320) {
      throw new IllegalArgumentException("recipient must have 1 to 320 characters");
    }
    if (message.dedupKey() != null
        && (message.dedupKey().isBlank() || message.dedupKey().length() > 255)) {
      throw new IllegalArgumentException("dedupKey must have 1 to 255 characters");
    }
  }
}
