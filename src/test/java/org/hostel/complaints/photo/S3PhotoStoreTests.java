package org.hostel.complaints.photo;

import java.util.List;
import org.hostel.complaints.testing.PostgresContext;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Photos in a real S3-compatible server (S3Proxy), with PostgreSQL. */
@PostgresContext
class S3PhotoStoreTests extends PhotoStoreContract {

  static final String BUCKET = "complaint-photos";
  static final S3ProxyServer S3 = S3ProxyServer.start();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    // The context stays cached for the whole test run; it need not hold 20 of the shared
    // server's connections meanwhile.
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
    registry.add("complaints.photos.presign-ttl", () -> PRESIGN_TTL);
    registry.add("complaints.photos.max-per-complaint", () -> MAX_PER_COMPLAINT);
    registry.add("complaints.photos.storage", () -> "s3");
    registry.add("complaints.photos.s3.endpoint", S3::endpoint);
    registry.add("complaints.photos.s3.bucket", () -> BUCKET);
    registry.add("complaints.photos.s3.access-key", () -> S3ProxyServer.ACCESS_KEY);
    registry.add("complaints.photos.s3.secret-key", () -> S3ProxyServer.SECRET_KEY);
  }

  @AfterAll
  static void stop() {
    S3.close();
  }

  @Override
  List<String> storedKeys(String prefix) {
    return S3.listed(BUCKET, prefix);
  }

  @Override
  int wrongTypeStatus() {
    return 403;
  }
}
