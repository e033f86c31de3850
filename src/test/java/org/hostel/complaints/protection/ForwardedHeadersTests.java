package org.hostel.complaints.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hostel.complaints.ComplaintsApplication;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Forwarded headers ({@code X-Forwarded-For}, {@code X-Forwarded-Proto}, {@code Forwarded}) count
 * when they come from a trusted proxy, for client address and scheme alike; the test client
 * connects from 127.0.0.1, which is trusted here. Spring's own handling, which trusts anyone, is
 * refused at start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForwardedHeadersTests {

  @DynamicPropertySource
  static void trusted(DynamicPropertyRegistry registry) {
    TestSetup.common(registry);
    registry.add("complaints.rate-limit.trusted-proxies", () -> "127.0.0.1/32");
    registry.add("complaints.rate-limit.auth", () -> "3/1m");
  }

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = Api.onPort(port);
  }

  @Test
  void theProxysSchemeMakesTheSessionCookieSecure() {
    assertThat(session(api, Map.of("X-Forwarded-Proto", "https")).header("Set-Cookie"))
        .hasValueSatisfying(cookie -> assertThat(cookie).contains("Secure"));
    assertThat(session(api, Map.of("Forwarded", "for=192.0.2.1;proto=https")).header("Set-Cookie"))
        .hasValueSatisfying(cookie -> assertThat(cookie).contains("Secure"));
    assertThat(session(api, Map.of("X-Forwarded-Proto", "http")).header("Set-Cookie"))
        .hasValueSatisfying(cookie -> assertThat(cookie).doesNotContain("Secure"));
  }

  @Test
  void theStandardForwardedHeaderNamesTheClientAddress() {
    String client = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250);
    String other = "[2001:db8::" + ThreadLocalRandom.current().nextInt(1, 9999) + "]:4711";
    String first = session(api, Map.of("Forwarded", "for=" + client)).header("RateLimit").get();
    String second = session(api, Map.of("Forwarded", "for=" + client)).header("RateLimit").get();
    String third =
        session(api, Map.of("Forwarded", "for=\"" + other + "\"")).header("RateLimit").get();

    assertThat(first).startsWith("\"auth\";r=2;");
    assertThat(second).startsWith("\"auth\";r=1;");
    assertThat(third).as("another client, another bucket").startsWith("\"auth\";r=2;");
  }

  static Api.Response session(Api api, Map<String, String> headers) {
    Api.Call call =
        api.call("POST", "/auth/session")
            .json(Map.of("username", TestSetup.ADMIN_EMAIL, "password", TestSetup.ADMIN_PASSWORD));
    headers.forEach(call::header);
    return call.send();
  }

  @Test
  void springsOwnForwardedHeaderHandlingIsRefusedAtStart() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(ComplaintsApplication.class)
                    .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--server.forward-headers-strategy=framework",
                        "--complaints.data-dir=" + TestSetup.tempDataDir(),
                        "--complaints.auth.jwt-secret=" + TestSetup.JWT_SECRET)
                    .close())
        .hasStackTraceContaining("COMPLAINTS_RATE_LIMIT_TRUSTED_PROXIES");
  }
}
