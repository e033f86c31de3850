package org.hostel.complaints.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Outbox figures on {@code /metrics}: {@code outbox_messages_pending{channel}}, {@code
 * outbox_oldest_pending_age_seconds{channel}}, {@code outbox_sent_total{channel}}, {@code
 * outbox_send_failures_total{channel,reason}} and {@code outbox_delivery_delay_seconds{channel}}.
 * The two backlog gauges describe the shared table, so every instance reports the same figure; they
 * are read from the last backlog the dispatcher loaded (every poll interval), never queried during
 * a scrape.
 */
@Component
class OutboxMetrics {

  private static final Duration[] DELAY_BUCKETS = {
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofMinutes(15),
    Duration.ofHours(1)
  };

  private final MeterRegistry registry;
  private final Clock clock;
  private final Set<String> channels = ConcurrentHashMap.newKeySet();
  private volatile Map<String, OutboxRepository.Backlog> backlog = Map.of();
  private volatile @Nullable Instant loadedAt;

  OutboxMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** Makes the channel's series exist (at zero) before anything happens in it. */
  void channels(Collection<String> names) {
    names.forEach(this::channel);
  }

  void backlog(List<OutboxRepository.Backlog> current) {
    Map<String, OutboxRepository.Backlog> byChannel = new ConcurrentHashMap<>();
    for (OutboxRepository.Backlog b : current) {
      channel(b.channel());
      byChannel.put(b.channel(), b);
    }
    backlog = byChannel;
    loadedAt = clock.instant();
  }

  /** The last backlog loaded, by channel; channels with nothing pending are absent. */
  Map<String, OutboxRepository.Backlog> backlog() {
    return backlog;
  }

  /** When the dispatcher last loaded the backlog, i.e. was last seen working. */
  @Nullable Instant loadedAt() {
    return loadedAt;
  }

  void sent(String channel, Duration delay) {
    channel(channel);
    sentCounter(channel).increment();
    Timer.builder("outbox.delivery.delay")
        .description("Time from enqueue to the channel accepting the message")
        .tag("channel", channel)
        .serviceLevelObjectives(DELAY_BUCKETS)
        .register(registry)
        .record(delay.isNegative() ? Duration.ZERO : delay);
  }

  /**
   * One failed attempt or given-up message. Reasons: {@code retry} (transient or the sender threw;
   * tried again), {@code gave_up} (transient, but out of attempts or age), {@code expired} (too old
   * before an attempt), {@code recipient_gone}, {@code rejected}.
   */
  void failed(String channel, String reason) {
    Counter.builder("outbox.send.failures")
        .description("Failed send attempts and messages given up, by reason")
        .tag("channel", channel)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  private void channel(String channel) {
    if (!channels.add(channel)) {
      return;
    }
    Gauge.builder("outbox.messages.pending", this, m -> m.pending(channel))
        .description("Messages stored and not yet sent, failed or suppressed")
        .tag("channel", channel)
        .register(registry);
    Gauge.builder("outbox.oldest.pending.age", this, m -> m.oldestAgeSeconds(channel))
        .description("Age of the oldest message not yet sent")
        .baseUnit("seconds")
        .tag("channel", channel)
        .register(registry);
    sentCounter(channel);
  }

  private Counter sentCounter(String channel) {
    return Counter.builder("outbox.sent")
        .description("Messages the channel accepted")
        .tag("channel", channel)
        .register(registry);
  }

  private double pending(String channel) {
    OutboxRepository.Backlog b = backlog.get(channel);
    return b == null ? 0 : b.pending();
  }

  private double oldestAgeSeconds(String channel) {
    OutboxRepository.Backlog b = backlog.get(channel);
    if (b == null) {
      return 0;
    }
    return Math.max(0, Duration.between(b.oldest(), clock.instant()).toMillis() / 1000.0);
  }
}
