package org.hostel.complaints.staff;

import java.nio.charset.StandardCharsets;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Account changes over a Redis channel. Pub/sub keeps nothing for an instance that is disconnected
 * at that moment; its cached entries then expire within the cache's time to live.
 */
final class RedisAccountChanges extends AccountBroadcast implements MessageListener {

  private final StringRedisTemplate redis;
  private final String channel;

  RedisAccountChanges(AccountStates states, StringRedisTemplate redis, String channel) {
    super(states);
    this.redis = redis;
    this.channel = channel;
  }

  @Override
  boolean transactional() {
    return false;
  }

  @Override
  void send(String message) {
    redis.convertAndSend(channel, message);
  }

  @Override
  public void onMessage(Message message, byte[] pattern) {
    heard(new String(message.getBody(), StandardCharsets.UTF_8));
  }

  @Override
  public String kind() {
    return "redis";
  }
}
