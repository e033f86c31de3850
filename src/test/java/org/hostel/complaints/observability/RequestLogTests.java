package org.hostel.complaints.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

// Settings of its own: the context is never reused, so it is closed (and its pool freed).
@DirtiesContext
@EmbeddedContext
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTests {

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("complaints.observability.access-log", () -> "true");
  }

  @LocalServerPort int port;

  static List<JsonNode> jsonLines(CapturedOutput output) {
    return output
        .getOut()
        .lines()
        .filter(line -> line.startsWith("{"))
        .map(line -> Api.JSON.readTree(line))
        .toList();
  }

  @Test
  void aWellFormedRequestIdIsKeptReturnedAndOnTheRequestsOneAccessLine(CapturedOutput output) {
    Api api = Api.onPort(port);
    Api.Response response =
        api.call("GET", "/api/v1/categories").header("X-Request-Id", "load-test.42:a").send();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("X-Request-Id")).contains("load-test.42:a");
    List<JsonNode> lines =
        jsonLines(output).stream()
            .filter(l -> l.path("request_id").asString("").equals("load-test.42:a"))
            .toList();
    assertThat(lines).hasSize(1);
    JsonNode access = lines.getFirst();
    assertThat(access.path("log").path("logger").asString()).isEqualTo("access");
    assertThat(access.path("route").asString()).isEqualTo("/api/v1/categories");
    assertThat(access.path("status").asInt()).isEqualTo(200);
    assertThat(access.path("message").asString()).startsWith("GET /api/v1/categories 200");
  }

  @Test
  void everyLineLoggedWhileAnsweringCarriesThatRequestsId(CapturedOutput output) {
    Api api = Api.onPort(port);
    // The first health check of an instance logs each dependency's state, from worker threads.
    api.call("GET", "/health").header("X-Request-Id", "first-health-check").send();

    List<JsonNode> lines = jsonLines(output);
    List<JsonNode> checks =
        lines.stream()
            .filter(l -> l.path("message").asString("").startsWith("Readiness check"))
            .toList();
    assertThat(checks).isNotEmpty();
    assertThat(checks)
        .allMatch(l -> l.path("request_id").asString("").equals("first-health-check"));
    assertThat(
            lines.stream()
                .filter(l -> l.path("request_id").asString("").equals("first-health-check"))
                .filter(l -> l.path("log").path("logger").asString("").equals("access")))
        .hasSize(1);
  }

  @Test
  void aMalformedRequestIdIsReplacedByAGeneratedOne() {
    Api api = Api.onPort(port);
    String hostile = "x".repeat(65);
    Api.Response response =
        api.call("GET", "/api/v1/categories").header("X-Request-Id", hostile).send();
    Api.Response spaced =
        api.call("GET", "/api/v1/categories").header("X-Request-Id", "two words").send();

    assertThat(response.header("X-Request-Id").orElseThrow())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(spaced.header("X-Request-Id").orElseThrow()).isNotEqualTo("two words");
  }

  @Test
  void tokensPasswordsAndQueryStringsNeverReachTheLog(CapturedOutput output) {
    Api api = Api.onPort(port);
    new Fixtures(api);
    api.get("/api/v1/complaints?q=secret-query-text", TestSetup.SERVICE_TOKEN);
    api.get("/ws/dashboard?token=secret-socket-token", null);
    api.call("POST", "/auth/login-json")
        .json(Map.of("username", TestSetup.ADMIN_EMAIL, "password", "Not-The-Passw0rd"))
        .send();

    assertThat(output.getOut())
        .contains("/api/v1/complaints")
        .doesNotContain(TestSetup.SERVICE_TOKEN)
        .doesNotContain(TestSetup.ADMIN_PASSWORD)
        .doesNotContain("Not-The-Passw0rd")
        .doesNotContain("secret-query-text")
        .doesNotContain("secret-socket-token");
  }
}
