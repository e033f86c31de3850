package org.hostel.complaints.staff;

import org.hostel.complaints.storage.Deployment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How account changes reach the other instances: Redis, else PostgreSQL, else nowhere else. */
@Configuration(proxyBeanMethods = false)
class AccountCacheConfig {

  /** Redis is used once {@code SPRING_DATA_REDIS_URL} names one. */
  private static final String REDIS =
      "T(org.springframework.util.StringUtils).hasText('${spring.data.redis.url:}')";

  @Bean
  @ConditionalOnExpression(REDIS)
  RedisAccountChanges redisAccountChanges(
      AccountStates states, StringRedisTemplate redis, AuthSettings settings) {
    return new RedisAccountChanges(states, redis, settings.accountChannel());
  }

  @Bean
  @ConditionalOnExpression(REDIS)
  RedisMessageListenerContainer accountChangesSubscription(
      RedisConnectionFactory connections, RedisAccountChanges changes, AuthSettings settings) {
    RedisMessageListenerContainer container = new RedisMessageListenerContainer();
    container.setConnectionFactory(connections);
    container.addMessageListener(changes, new ChannelTopic(settings.accountChannel()));
    container.setRecoveryInterval(1_000);
    return container;
  }

  @Bean
  @ConditionalOnExpression("!" + REDIS)
  AccountChanges accountChanges(
      AccountStates states, Deployment deployment, JdbcClient jdbc, DataSourceProperties db) {
    if (deployment.embedded()) {
      return new AccountChanges.InProcess(states);
    }
    return new PostgresAccountChanges(
        states, jdbc, db.determineUrl(), db.determineUsername(), db.determinePassword());
  }
}
