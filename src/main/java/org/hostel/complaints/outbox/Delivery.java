package org.hostel.complaints.outbox;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How one attempt to send a message ended. Reasons are stored with the message and logged, so they
 * name the outcome ({@code "HTTP 429"}, {@code "SMTP 550"}) and never hold a recipient or payload.
 */
public sealed interface Delivery {

  /** The channel accepted the message. */
  record Sent() implements Delivery {}

  /**
   * Transient (network, 5xx, Telegram 429 with {@code retry_after}, SMTP 4xx): try again, not
   * before {@code after} when it is given, else after the outbox's own backoff.
   */
  record RetryLater(@Nullable Duration after, String reason) implements Delivery {}

  /**
   * The recipient can never be reached (Telegram 403 "bot was blocked", SMTP 550 no such mailbox):
   * it is marked unreachable, its pending messages are suppressed, nothing more is sent to it.
   */
  record RecipientGone(String reason) implements Delivery {}

  /** This one message can never be sent (e.g. Telegram 400): recorded as failed; the next goes. */
  record Rejected(String reason) implements Delivery {}
}
