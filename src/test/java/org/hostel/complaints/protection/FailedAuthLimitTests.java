package org.hostel.complaints.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Calls the security chain refuses count against the address's anonymous budget: a guesser of
 * tokens or of the service token is slowed down like any anonymous client, and nobody else is. The
 * test client connects from 127.0.0.1, a trusted proxy here, so each test picks its own address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailedAuthLimitTests {

  static final int BUDGET = 5;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    TestSetup.common(registry);
    registry.add("complaints.rate-limit.anonymous", () -> BUDGET + "/1m");
    registry.add("complaints.rate-limit.trusted-proxies", () -> "127.0.0.1/32");
  }

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = Api.onPort(port);
  }

  static String address() {
    return "198.51.100." + (1 + (int) (Math.random() * 250));
  }

  List<Integer> statuses(String client, Function<Integer, String> authorization) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < BUDGET + 3; i++) {
      Api.Call call = api.call("GET", "/api/v1/complaints").header("X-Forwarded-For", client);
      String header = authorization.apply(i);
      if (header != null) {
        call.header("Authorization", header);
      }
      Api.Response answer = call.send();
      statuses.add(answer.status());
      if (answer.status() == 429) {
        assertThat(answer.header("Retry-After")).isPresent();
        assertThat(answer.header("Content-Type").orElseThrow()).contains("problem+json");
      }
    }
    return statuses;
  }

  @Test
  void invalidBearerTokensFromOneAddressRunIntoA429() {
    List<Integer> statuses =
        statuses(address(), i -> "Bearer eyJhbGciOiJIUzI1NiJ9.e30.forged-" + i);

    assertThat(statuses.subList(0, BUDGET)).containsOnly(401);
    assertThat(statuses.subList(BUDGET, statuses.size())).containsOnly(429);
  }

  @Test
  void guessesAtTheServiceTokenRunIntoA429() {
    List<Integer> statuses = statuses(address(), i -> "Bearer " + UUID.randomUUID());

    assertThat(statuses.subList(BUDGET, statuses.size())).containsOnly(429);
  }

  @Test
  void callsWithoutCredentialsToProtectedEndpointsRunIntoA429() {
    List<Integer> statuses = statuses(address(), i -> null);

    assertThat(statuses.subList(0, BUDGET)).containsOnly(401);
    assertThat(statuses.subList(BUDGET, statuses.size())).containsOnly(429);
  }

  @Test
  void aValidCallerFromAnAddressThatSpentItsBudgetIsStillServed() {
    String client = address();
    statuses(client, i -> "Bearer wrong-" + i);

    Api.Response valid =
        api.call("GET", "/api/v1/complaints")
            .header("X-Forwarded-For", client)
            .token(TestSetup.SERVICE_TOKEN)
            .send();

    assertThat(valid.status()).isEqualTo(200);
  }
}
