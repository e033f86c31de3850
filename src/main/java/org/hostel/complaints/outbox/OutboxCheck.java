package org.hostel.complaints.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.hostel.complaints.observability.DependencyCheck;
import org.springframework.stereotype.Component;

/**
 * The outbox in {@code /health/ready}, for people: degraded while this instance's dispatcher has
 * stopped looking, or while a message has waited longer than {@code stale-after} (a channel down,
 * or no instance has its sender). Never fails readiness: an instance that cannot reach Telegram or
 * the mail server still serves the API, and taking it out of the load balancer would not help.
 */
@Component
class OutboxCheck implements DependencyCheck {

  private final OutboxMetrics metrics;
  private final OutboxSettings settings;
  private final Clock clock;

  OutboxCheck(OutboxMetrics metrics, OutboxSettings settings, Clock clock) {
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "outbox";
  }

  @Override
  public boolean required() {
    return false;
  }

  @Override
  public void check() {
    Instant now = clock.instant();
    Instant loaded = metrics.loadedAt();
    Duration lookEvery = settings.pollInterval().multipliedBy(5).plusSeconds(10);
    if (loaded == null || loaded.plus(lookEvery).isBefore(now)) {
      throw new IllegalStateException("the outbox dispatcher has not looked since " + loaded);
    }
    for (OutboxRepository.Backlog b : metrics.backlog().values()) {
      Duration waiting = Duration.between(b.oldest(), now);
      if (waiting.compareTo(settings.staleAfter()) > 0) {
        throw new IllegalStateException(
            "channel " + b.channel() + ": a message has waited " + waiting.toSeconds() + " s");
      }
    }
  }
}
