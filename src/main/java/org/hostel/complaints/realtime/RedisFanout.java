package org.hostel.complaints.realtime;

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

  @Override
  public void publish(Broadcast broadcast) {
    try {
      redis.convertAndSend(channel, json.writeValueAsString(broadcast));
    } catch (RuntimeException e) {
      // The write is committed either way; at least the sockets on this instance hear about it.
      log.warn(
          "Redis unreachable, dashboard event delivered on this instance only: {}", e.toString());
      sessions.deliver(broadcast);
    }
  }

  @Override
  public void onMessage(Message message, byte[] pattern) {
    try {
      sessions.deliver(json.readValue(message.getBody(), Broadcast.class));
    } catch (RuntimeException e) {
      log.warn("Ignoring an unreadable dashboard broadcast: {}", e.toString());
    }
  }

  @Override
  public String kind() {
    return "redis";
  }
}
