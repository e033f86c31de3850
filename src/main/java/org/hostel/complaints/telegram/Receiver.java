package org.hostel.complaints.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** How updates reach this instance, started with the application. */
sealed interface Receiver extends SmartLifecycle {

  /** Long polling under a lease (see {@link Poller}). */
  record Polling(Poller poller) implements Receiver {
    @Override
    public void start() {
      poller.start();
    }

    @Override
    public void stop() {
      poller.stop();
    }

    @Override
    public boolean isRunning() {
      return poller.isRunning();
    }
  }

  /** Webhook mode: registers the webhook when its URL is configured; every instance receives. */
  final class Webhook implements Receiver {
    private static final Logger log = LoggerFactory.getLogger(Webhook.class);
    private final TelegramSettings settings;
    private final BotApi api;
    private final BotState state;
    private volatile boolean running;

    Webhook(TelegramSettings settings, BotApi api, BotState state) {
      this.settings = settings;
      this.api = api;
      this.state = state;
    }

    @Override
    public void start() {
      running = true;
      String url = settings.webhookUrl();
      if (url == null || url.isBlank()) {
        state.webhook();
        return;
      }
      try {
        api.setWebhook(url, String.valueOf(settings.webhookSecret()));
        state.webhook();
      } catch (BotApi.Failure e) {
        // The service runs without Telegram; readiness shows it, a restart registers again.
        state.failed(e);
        log.warn("Could not register the Telegram webhook: {}", e.getMessage());
      }
    }

    @Override
    public void stop() {
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }
  }
}
