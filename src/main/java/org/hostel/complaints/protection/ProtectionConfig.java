package org.hostel.complaints.protection;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
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

  /**
   * Forwarded headers are believed in one place ({@link ClientAddressFilter}), from the trusted
   * proxies only. Spring's {@code framework} strategy believes them from anyone, and {@code native}
   * from any private address, so a start with either is refused rather than left open.
   */
  @Bean
  static Object forwardedHeadersGuard(Environment environment) {
    String strategy = environment.getProperty("server.forward-headers-strategy", "none");
    if (!strategy.equalsIgnoreCase("none")) {
      throw new IllegalStateException(
          "SERVER_FORWARD_HEADERS_STRATEGY="
              + strategy
              + " would believe X-Forwarded-For and Forwarded from clients that are not proxies."
              + " Remove it and list your proxies in COMPLAINTS_RATE_LIMIT_TRUSTED_PROXIES: the"
              + " service then takes the client address and scheme from them alone.");
    }
    return strategy;
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
