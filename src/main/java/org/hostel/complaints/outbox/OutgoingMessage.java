package org.hostel.complaints.outbox;

import org.jspecify.annotations.Nullable;

/**
 * What to send.
 *
 * @param channel which {@link ChannelSender} sends it: {@code telegram} or {@code email}
 * @param recipient the Telegram chat id, or the e-mail address
 * @param kind what it is, e.g. {@code complaint_resolved}; appears in logs and is meant for
 *     grouping, so it never holds personal data
 * @param payload channel-specific text: JSON for Telegram, the rendered mail for e-mail
 * @param dedupKey unique per logical message; enqueueing a key that is already stored stores
 *     nothing. Keys are global, so make them specific ({@code
 *     "telegram:complaint_resolved:<complaint id>"})
 */
public record OutgoingMessage(
    String channel, String recipient, String kind, String payload, @Nullable String dedupKey) {}
