package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.Fuzz;
import org.hostel.complaints.testing.RawHttp;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fuzzing the complaint endpoints over real HTTP: mutated submit and PATCH bodies, and random list
 * queries, must each get a 2xx or a 4xx problem document, never a 5xx. Budget and seed: {@link
 * Fuzz}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestFuzzTests {

  @DynamicPropertySource
  static void embedded(DynamicPropertyRegistry registry) {
    TestSetup.common(registry);
    registry.add("complaints.rate-limit.enabled", () -> "false");
  }

  @LocalServerPort int port;
  Api api;
  Fixtures fixtures;
  String complaint;

  @BeforeAll
  void setUp() {
    api = Api.onPort(port);
    fixtures = new Fixtures(api);
    complaint = fixtures.submit().get("id").asString();
  }

  static final List<String> SUBMIT_FIELDS =
      List.of(
          "telegram_user_id",
          "hostel",
          "room_number",
          "category",
          "description",
          "severity",
          "wing");
  static final List<String> PATCH_FIELDS = List.of("status", "assigned_porter_id");

  @Test
  void submitBodiesNeverGetA5xx() {
    Fuzz.run(
        "submit",
        random -> {
          String body = body(random, Fixtures.complaint(Fixtures.reporter()), SUBMIT_FIELDS);
          Api.Call call =
              api.call("POST", "/api/v1/complaints/submit").token(TestSetup.SERVICE_TOKEN);
          if (random.nextInt(4) == 0) {
            call.header("Idempotency-Key", "fuzz-" + random.nextInt(8));
          }
          assertNoServerError(call.json(body).send(), body);
        });
  }

  @Test
  void patchBodiesNeverGetA5xx() {
    Fuzz.run(
        "patch",
        random -> {
          Map<String, Object> valid = new LinkedHashMap<>();
          valid.put("status", Fuzz.oneOf(random, "reported", "in_progress", "resolved", "closed"));
          if (random.nextBoolean()) {
            valid.put("assigned_porter_id", null);
          }
          String body = body(random, valid, PATCH_FIELDS);
          String path =
              "/api/v1/complaints/" + complaint + Fuzz.oneOf(random, "", "/status", "/assign");
          Api.Call call = api.call("PATCH", path).token(fixtures.adminToken());
          if (random.nextInt(3) == 0) {
            call.header("If-Match", Fuzz.oneOf(random, "\"1\"", "W/\"1\"", "*", "\"x\", \"2\""));
          }
          assertNoServerError(call.json(body).send(), body);
        });
  }

  @Test
  void listQueriesNeverGetA5xx() {
    List<String> names =
        List.of(
            "status",
            "hostel",
            "category",
            "severity",
            "telegram_user_id",
            "assigned_porter_id",
            "q",
            "sort",
            "page",
            "page_size");
    Fuzz.run(
        "list",
        random -> {
          List<String> pairs = new ArrayList<>();
          int n = random.nextInt(6);
          for (int i = 0; i < n; i++) {
            String name =
                random.nextInt(8) == 0 ? Fuzz.randomText(random, 6) : Fuzz.oneOf(random, names);
            String value =
                switch (random.nextInt(5)) {
                  case 0 -> Fuzz.nastyString(random);
                  case 1 -> Integer.toString(random.nextInt() % 2_000_000);
                  case 2 -> Fuzz.oneOf(random, "reported", "high", "block-a", "-severity", "");
                  case 3 -> java.util.UUID.randomUUID().toString();
                  default -> Fuzz.randomText(random, random.nextInt(20));
                };
            String encoded =
                random.nextInt(10) == 0
                    ? value.replaceAll("[^A-Za-z0-9%]", "")
                    : URLEncoder.encode(value, StandardCharsets.UTF_8);
            pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + encoded);
          }
          String path = "/api/v1/complaints?" + String.join("&", pairs);
          String token = random.nextBoolean() ? TestSetup.SERVICE_TOKEN : fixtures.adminToken();
          // Raw bytes: a well-behaved client would refuse to send a broken escape at all.
          RawHttp.Answer answer =
              RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nAuthorization: Bearer " + token);
          assertThat(answer.status()).as(path + " -> " + answer).isBetween(200, 499);
          if (answer.status() >= 400) {
            assertThat(answer.contentType()).as(path + " -> " + answer).contains("problem+json");
          }
        });
  }

  /** A valid body, then one to four structural mutations, sometimes also a few flipped bytes. */
  static String body(Random random, Map<String, Object> valid, List<String> fields) {
    Map<String, Object> body = new LinkedHashMap<>(valid);
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      String field = Fuzz.oneOf(random, fields);
      switch (random.nextInt(8)) {
        case 0 -> body.remove(field);
        case 1 -> body.put(field, Fuzz.nastyString(random));
        case 2 -> body.put(field, random.nextInt());
        case 3 -> body.put(field, null);
        case 4 -> body.put(field, List.of(Fuzz.nastyString(random)));
        case 5 -> body.put(field, Map.of("nested", Map.of("deeper", random.nextDouble())));
        case 6 -> body.put(Fuzz.randomText(random, 8), true);
        default -> body.put(field, random.nextBoolean());
      }
    }
    String text = Api.JSON.writeValueAsString(body);
    return switch (random.nextInt(6)) {
      case 0 -> Fuzz.mutateText(random, text);
      case 1 -> text.replaceFirst("\\{", "{\"" + Fuzz.oneOf(random, fields) + "\":1,");
      case 2 -> "[".repeat(random.nextInt(3000)) + text;
      default -> text;
    };
  }

  static void assertNoServerError(Api.Response answer, String input) {
    assertThat(answer.status()).as(input + " -> " + answer).isBetween(200, 499);
    if (answer.status() >= 400) {
      assertThat(answer.header("Content-Type").orElse(""))
          .as(input + " -> " + answer)
          .contains("application/problem+json");
    }
  }
}
