package org.hostel.complaints.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tiny limits so that buckets empty within a test; the test client is behind a "trusted proxy" (it
 * connects from 127.0.0.1) so each test picks its own client address with X-Forwarded-For.
 */
// Settings of its own: the context is never reused, so it is closed (and its pool freed).
@DirtiesContext
@EmbeddedContext
class RateLimitTests {

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("complaints.rate-limit.anonymous", () -> "3/3s");
    registry.add("complaints.rate-limit.auth", () -> "20/1m");
    registry.add("complaints.rate-limit.staff", () -> "6/1m");
    registry.add("complaints.rate-limit.integration", () -> "4/1m");
    registry.add("complaints.rate-limit.uploads", () -> "2/1m");
    registry.add("complaints.rate-limit.trusted-proxies", () -> "127.0.0.1/32");
  }

  Api api;

  @BeforeEach
  void setUp(Api api) {
    this.api = api;
  }

  Api.Response anonymous(String client) {
    return api.call("GET", "/api/v1/categories").header("X-Forwarded-For", client).send();
  }

  @Test
  void anAnonymousClientGetsItsBurstThenA429WithRetryAfterThenTokensBack() throws Exception {
    for (int remaining = 2; remaining >= 0; remaining--) {
      Api.Response ok = anonymous("198.51.100.1");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("RateLimit-Policy")).contains("\"anonymous\";q=3;w=3");
      assertThat(ok.header("RateLimit").orElseThrow())
          .startsWith("\"anonymous\";r=" + remaining + ";t=");
    }
    Api.Response refused = anonymous("198.51.100.1");
    assertThat(refused.status()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3L);
    assertThat(refused.header("Content-Type")).contains("application/problem+json");
    assertThat(refused.json().get("status").asInt()).isEqualTo(429);
    assertThat(refused.json().get("detail").asString()).isNotBlank();

    Thread.sleep(retryAfter * 1000);
    assertThat(anonymous("198.51.100.1").status()).isEqualTo(200);
  }

  @Test
  void clientsBehindATrustedProxyHaveBucketsOfTheirOwn() {
    for (int i = 0; i < 3; i++) {
      anonymous("198.51.100.2");
    }
    assertThat(anonymous("198.51.100.2").status()).isEqualTo(429);
    assertThat(anonymous("198.51.100.3").status()).isEqualTo(200);
    // A client cannot escape by prepending an address of its choice: the proxy's hop counts.
    assertThat(anonymous("203.0.113.77, 198.51.100.2").status()).isEqualTo(429);
  }

  @Test
  void anonymousAuthCallsHaveAStricterBucketOfTheirOwn() {
    String client = "198.51.100.4";
    int allowed = 0;
    Api.Response last = null;
    for (int i = 0; i < 25; i++) {
      last =
          api.call("POST", "/auth/login-json")
              .header("X-Forwarded-For", client)
              .json(Map.of("username", "nobody" + i + "@test.local", "password", "Wrong-Passw0rd"))
              .send();
      if (last.status() == 429) {
        break;
      }
      assertThat(last.header("RateLimit-Policy")).contains("\"auth\";q=20;w=60");
      allowed++;
    }
    assertThat(allowed).isEqualTo(20);
    assertThat(last.status()).isEqualTo(429);
    assertThat(anonymous(client).status()).isEqualTo(200);
  }

  @Test
  void eachStaffMemberHasABucketWhateverAddressTheyComeFrom() {
    Fixtures fixtures = new Fixtures(api);
    Fixtures.Staff first = fixtures.porter();
    Fixtures.Staff second = fixtures.porter();
    for (int i = 0; i < 6; i++) {
      Api.Response ok =
          api.call("GET", "/api/v1/hostels")
              .token(first.token())
              .header("X-Forwarded-For", "198.51.100." + (10 + i))
              .send();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("RateLimit-Policy")).contains("\"staff\";q=6;w=60");
    }
    Api.Response refused =
        api.call("GET", "/api/v1/hostels")
            .token(first.token())
            .header("X-Forwarded-For", "198.51.100.99")
            .send();
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(api.get("/api/v1/hostels", second.token()).status()).isEqualTo(200);
  }

  @Test
  void theIntegrationTokenAndPhotoUploadsHaveBucketsOfTheirOwn() {
    String photos = "/api/v1/complaints/" + UUID.randomUUID() + "/photos";
    for (int i = 0; i < 2; i++) {
      Api.Response upload =
          api.call("POST", photos)
              .token(TestSetup.SERVICE_TOKEN)
              .bytes("multipart/form-data; boundary=x", "--x--\r\n".getBytes())
              .send();
      assertThat(upload.status()).isNotEqualTo(429);
      assertThat(upload.header("RateLimit-Policy")).contains("\"uploads\";q=2;w=60");
    }
    assertThat(
            api.call("POST", photos)
                .token(TestSetup.SERVICE_TOKEN)
                .bytes("multipart/form-data; boundary=x", "--x--\r\n".getBytes())
                .send()
                .status())
        .isEqualTo(429);

    for (int i = 0; i < 4; i++) {
      Api.Response ok = api.get("/api/v1/hostels", TestSetup.SERVICE_TOKEN);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("RateLimit-Policy")).contains("\"integration\";q=4;w=60");
    }
    assertThat(api.get("/api/v1/hostels", TestSetup.SERVICE_TOKEN).status()).isEqualTo(429);
  }

  @Test
  void healthAndMetricsAreNeverRateLimited() {
    for (int i = 0; i < 10; i++) {
      assertThat(
              api.call("GET", "/health/live")
                  .header("X-Forwarded-For", "198.51.100.50")
                  .send()
                  .status())
          .isEqualTo(200);
    }
  }
}
