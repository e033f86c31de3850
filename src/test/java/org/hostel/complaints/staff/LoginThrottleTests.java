package org.hostel.complaints.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EmbeddedContext
class LoginThrottleTests {

  @DynamicPropertySource
  static void fewLogins(DynamicPropertyRegistry registry) {
    registry.add("complaints.auth.logins-per-client", () -> "3");
  }

  @LocalServerPort int port;

  @Test
  void oneClientAddressGetsAFixedNumberOfLoginAttemptsPerMinute() {
    Api api = Api.onPort(port);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Api.Response response =
          api.post(
              "/auth/login-json",
              null,
              Map.of("username", TestSetup.ADMIN_EMAIL, "password", TestSetup.ADMIN_PASSWORD));
      statuses.add(response.status());
      if (response.status() == 429) {
        assertThat(Long.parseLong(response.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(response.json().get("detail").asString()).contains("login attempts");
      }
    }
    assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
  }
}
