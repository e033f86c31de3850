package org.hostel.complaints.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hostel.complaints.observability.Spans;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox stored. One loop per instance wakes on its own commits and every poll
 * interval, claims the rows that are due and first in their recipient's queue (at most as many as
 * it has free sending slots), and hands each to its channel's sender on a virtual thread; the
 * outcome is written back under the same claim, so a claim that ran out and was taken over is never
 * overwritten.
 */
@Component
class Dispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final OutboxRepository repository;
  private final Outcomes outcomes;
  private final ObjectProvider<ChannelSender> senderBeans;
  private final OutboxSettings settings;
  private final OutboxMetrics metrics;
  private final Wakeup wakeup;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Spans spans;
  private final String claimer = UUID.randomUUID().toString();
  private final Semaphore slots;
  private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();
  private Map<String, ChannelSender> senders = Map.of();
  private volatile boolean running;
  private @Nullable Thread loop;
  private long lastLook;

  Dispatcher(
      OutboxRepository repository,
      Outcomes outcomes,
      ObjectProvider<ChannelSender> senderBeans,
      OutboxSettings settings,
      OutboxMetrics metrics,
      Wakeup wakeup,
      TransactionTemplate tx,
      Clock clock,
      Spans spans) {
    this.repository = repository;
    this.outcomes = outcomes;
    this.senderBeans = senderBeans;
    this.settings = settings;
    this.metrics = metrics;
    this.wakeup = wakeup;
    this.tx = tx;
    this.clock = clock;
    this.spans = spans;
    this.slots = new Semaphore(settings.parallelism());
  }

  @Override
  public void start() {
    // Senders are looked up only now: a channel's sender may itself depend on the outbox.
    senders =
        senderBeans
            .orderedStream()
            .collect(
                Collectors.toMap(
                    ChannelSender::channel,
                    Function.identity(),
                    (a, b) -> {
                      throw new IllegalStateException("Two senders for channel " + a.channel());
                    }));
    metrics.channels(senders.keySet());
    running = true;
    loop = Thread.ofPlatform().daemon().name("outbox-dispatcher").start(this::run);
    log.info("Outbox dispatcher started for channels {}", senders.keySet());
  }

  /**
   * Stops claiming, then gives the sends under way a few seconds to finish and record their
   * outcome. A send cut short keeps its claim until the claim times out and is sent again then.
   */
  @Override
  public void stop() {
    running = false;
    Thread current = loop;
    if (current != null) {
      current.interrupt();
      try {
        current.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sending.shutdown();
    try {
      if (!sending.awaitTermination(10, TimeUnit.SECONDS)) {
        sending.shutdownNow();
      }
    } catch (InterruptedException e) {
      sending.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After the web server has drained (it stops earlier), so the last requests' messages go out. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  private void run() {
    while (running) {
      try {
        cycle();
      } catch (DataAccessException e) {
        log.warn("Outbox dispatch failed, retrying next poll: {}", e.toString());
      } catch (RuntimeException e) {
        log.error("Outbox dispatch failed, retrying next poll", e);
      }
      try {
        wakeup.await(settings.pollInterval(), clock.millis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void cycle() {
    long now = clock.millis();
    if (now - lastLook >= settings.pollInterval().toMillis()) {
      lastLook = now;
      look(now);
    }
    int free = slots.availablePermits();
    if (senders.isEmpty() || free == 0 || !repository.anyClaimable(senders.keySet(), now)) {
      return;
    }
    long until = now + settings.claimTimeout().toMillis();
    List<OutboxRepository.Claimed> claimed =
        tx.execute(s -> repository.claim(senders.keySet(), free, claimer, now, until));
    for (OutboxRepository.Claimed row :
        claimed == null ? List.<OutboxRepository.Claimed>of() : claimed) {
      slots.acquireUninterruptibly();
      sending.execute(
          () -> {
            try {
              outcomes.record(row, claimer, attempt(row));
            } catch (RuntimeException e) {
              log.warn(
                  "Could not record the outcome of outbox message {}; it is tried again after"
                      + " its claim runs out: {}",
                  row.message().id(),
                  e.toString());
            } finally {
              slots.release();
              wakeup.signal();
            }
          });
    }
  }

  /** One attempt, in a span linked to the work that stored the message. */
  private Delivery attempt(OutboxRepository.Claimed row) {
    PendingMessage message = row.message();
    try {
      ChannelSender sender = senders.get(message.channel());
      return spans.root(
          "outbox.delivery",
          "outbox deliver " + message.channel(),
          row.traceParent(),
          () -> sender.send(message));
    } catch (RuntimeException e) {
      // The class only: a message could carry an address or a URL with a bot token.
      return new Delivery.RetryLater(null, "sender threw " + e.getClass().getSimpleName());
    }
  }

  /** Loads the backlog figures, and gives up on messages past their maximum age. */
  private void look(long now) {
    List<OutboxRepository.Backlog> backlog = repository.backlog();
    metrics.backlog(backlog);
    long cutoff = now - settings.maxAge().toMillis();
    if (backlog.stream().anyMatch(b -> b.oldest().toEpochMilli() < cutoff)) {
      outcomes.expire(cutoff, now);
    }
  }
}
