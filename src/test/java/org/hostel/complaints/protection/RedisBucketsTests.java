package org.hostel.complaints.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Against the real Redis on 127.0.0.1:6379, under a key prefix no one else uses. */
class RedisBucketsTests {

  final String prefix = "complaints-test:" + UUID.randomUUID() + ":";
  LettuceConnectionFactory factory;
  StringRedisTemplate redis;

  static LettuceConnectionFactory connect(int port) {
    var factory =
        new LettuceConnectionFactory(
            new RedisStandaloneConfiguration("127.0.0.1", port),
            LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
    factory.afterPropertiesSet();
    factory.start();
    return factory;
  }

  @BeforeEach
  void connect() {
    factory = connect(6379);
    redis = new StringRedisTemplate(factory);
  }

  @AfterEach
  void clean() {
    var keys = redis.keys(prefix + "*");
    if (keys != null && !keys.isEmpty()) {
      redis.delete(keys);
    }
    factory.destroy();
  }

  RedisBuckets instance() {
    return new RedisBuckets(redis, prefix, new InMemoryBuckets());
  }

  @Test
  void aBucketGivesItsCapacityThenRefusesWithTheWaitUntilTheNextToken() {
    RedisBuckets buckets = instance();
    Limit limit = new Limit(3, Duration.ofSeconds(30));
    assertThat(buckets.tryAcquire("k", limit)).isEqualTo(new RateLimiter.Decision(true, 2, 0));
    assertThat(buckets.tryAcquire("k", limit).remaining()).isEqualTo(1);
    assertThat(buckets.tryAcquire("k", limit).remaining()).isZero();
    RateLimiter.Decision refused = buckets.tryAcquire("k", limit);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isBetween(9L, 10L);
  }

  @Test
  void tokensComeBackEvenlyOverThePeriod() throws Exception {
    RedisBuckets buckets = instance();
    Limit limit = new Limit(2, Duration.ofSeconds(1));
    buckets.tryAcquire("k", limit);
    buckets.tryAcquire("k", limit);
    assertThat(buckets.tryAcquire("k", limit).allowed()).isFalse();
    Thread.sleep(600);
    assertThat(buckets.tryAcquire("k", limit).allowed()).isTrue();
    assertThat(buckets.tryAcquire("k", limit).allowed()).isFalse();
  }

  @Test
  void instancesShareOneBucketSoTheLimitDoesNotMultiply() {
    RedisBuckets first = instance();
    RedisBuckets second = instance();
    Limit limit = new Limit(4, Duration.ofMinutes(1));
    int allowed = 0;
    for (int i = 0; i < 10; i++) {
      if ((i % 2 == 0 ? first : second).tryAcquire("shared", limit).allowed()) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(4);
  }

  @Test
  void peekingTakesNothingAndAnEmptyBucketExpiresOnceItWouldBeFull() {
    RedisBuckets buckets = instance();
    Limit limit = new Limit(1, Duration.ofSeconds(5));
    assertThat(buckets.peek("k", limit).allowed()).isTrue();
    assertThat(buckets.peek("k", limit).allowed()).isTrue();
    assertThat(buckets.tryAcquire("k", limit).allowed()).isTrue();
    assertThat(buckets.peek("k", limit).allowed()).isFalse();
    Long ttl = redis.getExpire(prefix + "k");
    assertThat(ttl).isBetween(1L, 6L);
  }

  @Test
  void whenRedisIsUnreachableTheInstanceFallsBackToItsOwnBuckets() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    LettuceConnectionFactory dead = connect(closed);
    try {
      var buckets = new RedisBuckets(new StringRedisTemplate(dead), prefix, new InMemoryBuckets());
      Limit limit = new Limit(2, Duration.ofMinutes(1));
      assertThat(buckets.tryAcquire("k", limit).allowed()).isTrue();
      assertThat(buckets.tryAcquire("k", limit).allowed()).isTrue();
      assertThat(buckets.tryAcquire("k", limit).allowed()).isFalse();
    } finally {
      dead.destroy();
    }
  }
}
