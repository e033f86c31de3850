package org.hostel.complaints.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery of stored notifications.
 *
 * @param pollInterval how often each instance looks for messages that are due (retries, and
 *     messages committed by other instances); its own commits wake it at once ({@code
 *     COMPLAINTS_OUTBOX_POLL_INTERVAL})
 * @param parallelism messages sent at once by one instance, each to a different recipient ({@code
 *     COMPLAINTS_OUTBOX_PARALLELISM})
 * @param firstRetry wait after the first failed attempt; it doubles with each attempt, with jitter
 *     ({@code COMPLAINTS_OUTBOX_FIRST_RETRY})
 * @param maxRetryDelay longest wait between two attempts ({@code
 *     COMPLAINTS_OUTBOX_MAX_RETRY_DELAY})
 * @param maxAttempts attempts after which a message is recorded as failed ({@code
 *     COMPLAINTS_OUTBOX_MAX_ATTEMPTS})
 * @param maxAge age after which a message not yet sent is recorded as failed ({@code
 *     COMPLAINTS_OUTBOX_MAX_AGE})
 * @param claimTimeout how long a message claimed by an instance stays its own; a crashed instance's
 *     messages are sent by another one after this. Longer than any channel's send timeout
 * @param staleAfter readiness reports the outbox as degraded (without failing) while a message has
 *     been waiting longer than this
 * @param retention sent, failed and suppressed messages are deleted this long after they finished
 *     ({@code COMPLAINTS_OUTBOX_RETENTION})
 */
@Validated
@ConfigurationProperties("complaints.outbox")
record OutboxSettings(
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("8") @Min(1) @Max(256) int parallelism,
    @DefaultValue("1s") Duration firstRetry,
    @DefaultValue("10m") Duration maxRetryDelay,
    @DefaultValue("200") @Min(1) int maxAttempts,
    @DefaultValue("24h") Duration maxAge,
    @DefaultValue("60s") Duration claimTimeout,
    @DefaultValue("15m") Duration staleAfter,
    @DefaultValue("30d") Duration retention) {

  OutboxSettings {
    positive("poll-interval", pollInterval);
    positive("first-retry", firstRetry);
    positive("claim-timeout", claimTimeout);
    positive("max-age", maxAge);
    positive("stale-after", staleAfter);
    positive("retention", retention);
    if (maxRetryDelay.compareTo(firstRetry) < 0) {
      throw new IllegalArgumentException(
          "complaints.outbox.max-retry-delay must not be shorter than first-retry");
    }
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("complaints.outbox." + name + " must be positive");
    }
  }
}
