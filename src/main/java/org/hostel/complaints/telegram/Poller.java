package org.hostel.complaints.telegram;

import com.pengrad.telegrambot.model.Update;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.hostel.complaints.scheduling.Lease;
import org.hostel.complaints.scheduling.Leases;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Long polling: exactly one instance asks Telegram for updates at a time, holding the lease {@code
 * telegram-poller} and renewing it before every poll. When that instance dies, another takes the
 * lease within its ttl and polls from where Telegram stands; updates handled already are skipped by
 * their claimed ids.
 */
class Poller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Poller.class);

  /**
   * Chats handled at once: enough to overlap photo fetching and processing, few enough to leave
   * database connections (six on SQLite) to requests and the outbox.
   */
  private static final int CHATS_AT_ONCE = 3;

  static final String LEASE = "telegram-poller";

  private final Leases leases;
  private final BotApi api;
  private final Bot bot;
  private final BotState state;
  private final Duration pollTimeout;
  private final Duration leaseTtl;
  private volatile boolean running;
  private @Nullable Thread thread;

  Poller(
      Leases leases, BotApi api, Bot bot, BotState state, Duration pollTimeout, Duration leaseTtl) {
    this.leases = leases;
    this.api = api;
    this.bot = bot;
    this.state = state;
    this.pollTimeout = pollTimeout;
    this.leaseTtl = leaseTtl;
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofVirtual().name("telegram-poller").start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Gives the lease back; at shutdown the database may already refuse, and the lease expires. */
  private void release(Lease lease) {
    try {
      lease.release();
    } catch (RuntimeException e) {
      log.debug("Telegram poll lease not released, it expires by itself: {}", e.toString());
    }
  }

  private void loop() {
    while (running) {
      Optional<Lease> lease = Optional.empty();
      try {
        lease = leases.tryAcquire(LEASE, leaseTtl);
        if (lease.isPresent()) {
          poll(lease.get());
        } else {
          state.standingBy();
        }
      } catch (RuntimeException e) {
        state.failed(e);
        log.warn("Telegram polling failed, trying again: {}", e.toString());
      } finally {
        lease.ifPresent(this::release);
      }
      pause(leaseTtl.dividedBy(4));
    }
  }

  private void poll(Lease lease) {
    log.info("This instance now polls Telegram for updates");
    api.deleteWebhook();
    int offset = 0;
    while (running && lease.renew()) {
      List<Update> updates = api.updates(offset, pollTimeout);
      state.polling();
      if (updates.isEmpty()) {
        continue;
      }
      if (!running || !lease.renew()) {
        return;
      }
      handle(updates);
      offset = updates.getLast().updateId() + 1;
    }
    log.info("This instance stopped polling Telegram");
  }

  /**
   * Handles a batch: each chat's updates in their order, different chats at once (a photo being
   * fetched for one resident does not hold up the others). Returns when all are handled, so the
   * offset only moves past handled updates.
   */
  private void handle(List<Update> updates) {
    Map<Long, List<Update>> byChat = new LinkedHashMap<>();
    for (Update update : updates) {
      byChat.computeIfAbsent(chatOf(update), c -> new ArrayList<>()).add(update);
    }
    Semaphore turns = new Semaphore(CHATS_AT_ONCE);
    try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
      for (List<Update> chat : byChat.values()) {
        each.submit(
            () -> {
              turns.acquireUninterruptibly();
              try {
                chat.forEach(bot::handle);
              } finally {
                turns.release();
              }
            });
      }
    }
  }

  private static long chatOf(Update update) {
    if (update.message() != null && update.message().chat() != null) {
      return update.message().chat().id();
    }
    if (update.callbackQuery() != null && update.callbackQuery().from() != null) {
      return update.callbackQuery().from().id();
    }
    return 0;
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
