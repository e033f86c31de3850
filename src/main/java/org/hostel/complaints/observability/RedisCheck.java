package org.hostel.complaints.observability;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/** Redis is part of readiness only when the deployment configured it. */
@Component
@ConditionalOnProperty("spring.data.redis.url")
class RedisCheck implements DependencyCheck {

  private final RedisConnectionFactory redis;

  RedisCheck(RedisConnectionFactory redis) {
    this.redis = redis;
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public void check() {
    try (RedisConnection connection = redis.getConnection()) {
      connection.ping();
    }
  }
}
