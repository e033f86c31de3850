package org.hostel.complaints.outbox;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes back how an attempt ended, counts it and logs it. Log lines name the message by id,
 * channel and kind, never by recipient or content.
 */
@Component
class Outcomes {

  private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

  private final OutboxRepository repository;
  private final OutboxMetrics metrics;
  private final OutboxSettings settings;
  private final Retries retries;
  private final Wakeup wakeup;
  private final TransactionTemplate tx;
  private final Clock clock;

  Outcomes(
      OutboxRepository repository,
      OutboxMetrics metrics,
      OutboxSettings settings,
      Wakeup wakeup,
      TransactionTemplate tx,
      Clock clock) {
    this.repository = repository;
    this.metrics = metrics;
    this.settings = settings;
    this.retries = Retries.from(settings);
    this.wakeup = wakeup;
    this.tx = tx;
    this.clock = clock;
  }

  void record(OutboxRepository.Claimed row, String claimer, Delivery outcome) {
    PendingMessage m = row.message();
    long now = clock.millis();
    int attempts = m.attempts() + 1;
    boolean ours =
        switch (outcome) {
          case Delivery.Sent sent -> sent(row, claimer, now);
          case Delivery.RetryLater retry -> retry(row, claimer, now, attempts, retry);
          case Delivery.Rejected rejected -> {
            metrics.failed(m.channel(), "rejected");
            log.warn(
                "Outbox message {} ({} {}) rejected by the channel: {}",
                m.id(),
                m.channel(),
                m.kind(),
                rejected.reason());
            yield Boolean.TRUE.equals(
                tx.execute(s -> repository.markFailed(row.seq(), claimer, now, rejected.reason())));
          }
          case Delivery.RecipientGone gone -> gone(row, claimer, now, gone);
        };
    if (!ours) {
      log.warn(
          "Outbox message {} ({} {}) was claimed again while being sent; it may arrive twice",
          m.id(),
          m.channel(),
          m.kind());
    }
  }

  /** Gives up on unclaimed messages created before {@code cutoff}. */
  void expire(long cutoff, long now) {
    var expired = tx.execute(s -> repository.expire(cutoff, now));
    if (expired == null) {
      return;
    }
    for (OutboxRepository.Expired e : expired) {
      metrics.failed(e.channel(), "expired");
      log.warn(
          "Outbox message {} ({} {}) failed: not sent within {}",
          e.id(),
          e.channel(),
          e.kind(),
          settings.maxAge());
    }
  }

  private boolean sent(OutboxRepository.Claimed row, String claimer, long now) {
    PendingMessage m = row.message();
    boolean ours =
        Boolean.TRUE.equals(tx.execute(s -> repository.markSent(row.seq(), claimer, now)));
    metrics.sent(m.channel(), Duration.ofMillis(now - m.createdAt().toEpochMilli()));
    return ours;
  }

  private boolean retry(
      OutboxRepository.Claimed row,
      String claimer,
      long now,
      int attempts,
      Delivery.RetryLater retry) {
    PendingMessage m = row.message();
    boolean tooOld = now - m.createdAt().toEpochMilli() >= settings.maxAge().toMillis();
    if (attempts >= settings.maxAttempts() || tooOld) {
      metrics.failed(m.channel(), "gave_up");
      String reason = "gave up after " + attempts + " attempts: " + retry.reason();
      log.warn("Outbox message {} ({} {}) failed: {}", m.id(), m.channel(), m.kind(), reason);
      return Boolean.TRUE.equals(
          tx.execute(s -> repository.markFailed(row.seq(), claimer, now, reason)));
    }
    metrics.failed(m.channel(), "retry");
    Duration wait = retries.delay(attempts, retry.after());
    log.info(
        "Outbox message {} ({} {}) attempt {} failed, next in {} ms: {}",
        m.id(),
        m.channel(),
        m.kind(),
        attempts,
        wait.toMillis(),
        retry.reason());
    long next = now + wait.toMillis();
    boolean ours =
        Boolean.TRUE.equals(
            tx.execute(s -> repository.retryAt(row.seq(), claimer, next, retry.reason())));
    wakeup.signalAt(next);
    return ours;
  }

  private boolean gone(
      OutboxRepository.Claimed row, String claimer, long now, Delivery.RecipientGone gone) {
    PendingMessage m = row.message();
    metrics.failed(m.channel(), "recipient_gone");
    Integer suppressed =
        tx.execute(
            s -> {
              if (!repository.markFailed(row.seq(), claimer, now, gone.reason())) {
                return -1;
              }
              return repository.markGone(m.channel(), m.recipient(), now, gone.reason());
            });
    if (suppressed == null || suppressed < 0) {
      return false;
    }
    log.info(
        "Outbox message {} ({} {}): recipient unreachable ({}); {} later messages suppressed",
        m.id(),
        m.channel(),
        m.kind(),
        gone.reason(),
        suppressed);
    return true;
  }
}
