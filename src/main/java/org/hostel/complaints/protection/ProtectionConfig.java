package org.hostel.complaints.protection;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RateLimitSettings.class, OverloadSettings.class})
class ProtectionConfig {

  /** Lets settings write a limit as {@code 600/1m}. */
  @Bean
  @ConfigurationPropertiesBinding
  static Converter<String, Limit> limitFromText() {
    return new Converter<>() {
      @Override
      public Limit convert(String text) {
        return Limit.parse(text);
      }
    };
  }

  @Bean
  InMemoryBuckets localBuckets() {
    return new InMemoryBuckets();
  }

  /** Shared buckets when the deployment has Redis, so limits hold across instances. */
  @Bean
  @Primary
  @ConditionalOnProperty("spring.data.redis.url")
  RedisBuckets sharedBuckets(
      StringRedisTemplate redis, RateLimitSettings settings, InMemoryBuckets fallback) {
    return new RedisBuckets(redis, settings.redisKeyPrefix(), fallback);
  }
}
