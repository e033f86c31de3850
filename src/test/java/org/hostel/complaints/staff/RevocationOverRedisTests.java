package org.hostel.complaints.staff;

import java.util.List;
import java.util.UUID;

/** Two instances with Redis: account changes travel over a Redis channel. */
class RevocationOverRedisTests extends RevocationAcrossInstances {

  @Override
  List<String> transport() {
    return List.of(
        "--spring.data.redis.url=redis://127.0.0.1:6379",
        "--complaints.auth.account-channel=complaints-test:" + UUID.randomUUID() + ":accounts",
        "--complaints.realtime.redis-channel=complaints-test:" + UUID.randomUUID(),
        "--complaints.rate-limit.redis-key-prefix=complaints-test:" + UUID.randomUUID() + ":rate:");
  }

  @Override
  String expectedKind() {
    return "redis";
  }
}
