package org.hostel.complaints.protection;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Token buckets in Redis, shared by every instance. One Lua script per request reads, refills and
 * takes atomically, using the Redis server's clock so instances with skewed clocks agree. A bucket
 * expires once it would be full again, so Redis holds only recent clients.
 *
 * <p>When Redis fails, this instance falls back to its own in-memory buckets for a few seconds
 * (limits then apply per instance) instead of refusing or stalling every request.
 */
class RedisBuckets implements RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);
  private static final long BACK_OFF_NANOS = 5_000_000_000L;

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> BUCKET =
      RedisScript.of(
          """
          local capacity = tonumber(ARGV[1])
          local period = tonumber(ARGV[2])
          local take = ARGV[3] == 'take'
          local clock = redis.call('TIME')
          local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
          local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
          local tokens = tonumber(state[1])
          local at = tonumber(state[2])
          if tokens == nil or at == nil then
            tokens = capacity
            at = now
          end
          if now > at then
            tokens = math.min(capacity, tokens + (now - at) * capacity / period)
          end
          local allowed = 0
          if tokens >= 1 then
            allowed = 1
            if take then
              tokens = tokens - 1
            end
          end
          if take then
            redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) * period / capacity) + 1000)
          end
          local wait = 0
          if tokens < 1 then
            wait = math.ceil((1 - tokens) * period / capacity)
          end
          return {allowed, math.floor(tokens), wait}
          """,
          List.class);

  private final StringRedisTemplate redis;
  private final String prefix;
  private final InMemoryBuckets fallback;
  private volatile long skipUntil;

  RedisBuckets(StringRedisTemplate redis, String prefix, InMemoryBuckets fallback) {
    this.redis = redis;
    this.prefix = prefix;
    this.fallback = fallback;
  }

  @Override
  public Decision tryAcquire(String key, Limit limit) {
    Decision decision = run(key, limit, true);
    return decision != null ? decision : fallback.tryAcquire(key, limit);
  }

  @Override
  public Decision peek(String key, Limit limit) {
    Decision decision = run(key, limit, false);
    return decision != null ? decision : fallback.peek(key, limit);
  }

  @Override
  public void consume(String key, Limit limit) {
    tryAcquire(key, limit);
  }

  private @Nullable Decision run(String key, Limit limit, boolean take) {
    long until = skipUntil;
    if (until != 0 && System.nanoTime() - until < 0) {
      return null;
    }
    try {
      List<?> result =
          redis.execute(
              BUCKET,
              List.of(prefix + key),
              Long.toString(limit.capacity()),
              Long.toString(Math.max(1, limit.period().toMillis())),
              take ? "take" : "peek");
      boolean allowed = ((Number) result.get(0)).longValue() == 1;
      long remaining = ((Number) result.get(1)).longValue();
      long waitMillis = ((Number) result.get(2)).longValue();
      return allowed
          ? new Decision(true, remaining, 0)
          : new Decision(false, 0, InMemoryBuckets.seconds(waitMillis * 1_000_000));
    } catch (DataAccessException e) {
      skipUntil = System.nanoTime() + BACK_OFF_NANOS;
      log.warn("Rate limits fall back to this instance for 5 s; Redis failed: {}", e.getMessage());
      return null;
    }
  }
}
