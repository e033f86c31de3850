package org.hostel.complaints.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import org.hostel.complaints.outbox.ChannelSender;
import org.hostel.complaints.outbox.Delivery;
import org.hostel.complaints.outbox.PendingMessage;
import tools.jackson.databind.json.JsonMapper;

/** Sends the bot's stored replies and notices; the outbox retries, orders and gives up. */
class TelegramSender implements ChannelSender {

  static final String CHANNEL = "telegram";

  private final BotApi api;
  private final JsonMapper json;
  private final MeterRegistry meters;

  TelegramSender(BotApi api, JsonMapper json, MeterRegistry meters) {
    this.api = api;
    this.json = json;
    this.meters = meters;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public Delivery send(PendingMessage message) {
    Delivery delivery = api.deliver(json.readValue(message.payload(), Reply.class));
    String reason =
        switch (delivery) {
          case Delivery.Sent s -> null;
          case Delivery.RetryLater r -> r.reason();
          case Delivery.RecipientGone g -> g.reason();
          case Delivery.Rejected r -> r.reason();
        };
    if (reason != null) {
      meters.counter("telegram.send.failures", "reason", reason).increment();
    }
    return delivery;
  }
}
