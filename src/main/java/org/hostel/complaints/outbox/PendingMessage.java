package org.hostel.complaints.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored message handed to its {@link ChannelSender}.
 *
 * @param id the message's id, the same on every attempt (usable as an idempotency key towards the
 *     channel)
 * @param attempts attempts made before this one
 * @param createdAt when it was enqueued
 */
public record PendingMessage(
    UUID id,
    String channel,
    String recipient,
    String kind,
    String payload,
    int attempts,
    Instant createdAt) {}
