package org.hostel.complaints.realtime;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several instances: every broadcast goes through one Redis channel, and each instance, this one
 * included, delivers what it hears to its own sockets. Pub/sub is fire-and-forget: an instance that
 * is disconnected from Redis at that moment misses the event, which a dashboard tolerates (it
 * reloads the list when it reconnects).
 */
final class RedisFanout implements Fanout, MessageListener {

  private static final Logger log = LoggerFactory.getLogger(RedisFanout.class);

  private final StringRedisTemplate redis;
  private final String channel;
  private final DashboardSessions sessions;
  private final JsonMapper json;

  RedisFanout(
      StringRedisTemplate redis, String channel, DashboardSessions sessions, JsonMapper json) {
    this.redis = redis;
    this.channel = channel;
    this.sessions = sessions;
    this.json = json;
  }

  /** What travels on the channel: a broadcast, or a token whose sockets must close. */
  record Wire(@Nullable Broadcast broadcast, @Nullable String revokedToken) {}

  @Override
  public void publish(Broadcast broadcast) {
    send(new Wire(broadcast, null));
  }

  @Override
  public void revoke(String tokenId) {
    send(new Wire(null, tokenId));
  }

  private void send(Wire wire) {
    try {
      redis.convertAndSend(channel, json.writeValueAsString(wire));
    } catch (RuntimeException e) {
      // The write is committed either way; at least the sockets on this instance hear about it.
      log.warn(
          "Redis unreachable, dashboard event handled on this instance only: {}", e.toString());
      handle(wire);
    }
  }

  @Override
  public void onMessage(Message message, byte[] pattern) {
    try {
      handle(json.readValue(message.getBody(), Wire.class));
    } catch (RuntimeException e) {
      log.warn("Ignoring an unreadable dashboard broadcast: {}", e.toString());
    }
  }

  private void handle(Wire wire) {
    if (wire.broadcast() != null) {
      sessions.deliver(wire.broadcast());
    }
    if (wire.revokedToken() != null) {
      sessions.closeToken(wire.revokedToken());
    }
  }

  @Override
  public String kind() {
    return "redis";
  }
}
