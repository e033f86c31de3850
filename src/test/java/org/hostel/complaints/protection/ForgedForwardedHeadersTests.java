package org.hostel.complaints.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Forwarded headers from a client that is no trusted proxy change nothing: not the client address
 * the limits count, not {@code /metrics} access, not the scheme. The test client connects from
 * 127.0.0.1, which is not trusted here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForgedForwardedHeadersTests {

  @DynamicPropertySource
  static void untrusted(DynamicPropertyRegistry registry) {
    TestSetup.common(registry);
    registry.add("complaints.rate-limit.trusted-proxies", () -> "10.0.0.0/8");
    registry.add("complaints.rate-limit.auth", () -> "2/1m");
    registry.add("complaints.observability.metrics-allowed-addresses", () -> "10.0.0.0/8");
  }

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = Api.onPort(port);
  }

  @Test
  void forgedHeadersNeitherChangeTheClientNorOpenMetricsNorMakeCookiesSecure() {
    Map<String, String> forged =
        Map.of(
            "X-Forwarded-For", "10.1.2.3",
            "Forwarded", "for=10.1.2.4;proto=https",
            "X-Forwarded-Proto", "https");

    assertThat(api.call("GET", "/metrics").header("X-Forwarded-For", "10.1.2.3").send().status())
        .isNotEqualTo(200);
    assertThat(api.call("GET", "/metrics").header("Forwarded", "for=10.1.2.3").send().status())
        .isNotEqualTo(200);
    assertThat(session(api, forged).header("Set-Cookie"))
        .hasValueSatisfying(cookie -> assertThat(cookie).doesNotContain("Secure"));
    Api.Response again = session(api, Map.of("X-Forwarded-For", "10.9.9.9"));
    Api.Response third = session(api, Map.of("Forwarded", "for=10.8.8.8"));
    assertThat(again.status()).isEqualTo(200);
    assertThat(third.status()).as("the same client, whatever it claims").isEqualTo(429);
  }

  static Api.Response session(Api api, Map<String, String> headers) {
    return ForwardedHeadersTests.session(api, headers);
  }
}
