package org.hostel.complaints.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.RawHttp;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests only an attacker sends: header bytes outside ASCII, broken form encodings, request
 * targets the firewalls refuse, duplicate JSON keys, weak tags in {@code If-Match}. Each gets a 4xx
 * problem document, never a 500 or a container's own page, and changes nothing.
 */
@EmbeddedContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

  @LocalServerPort int port;

  Api api;
  Fixtures fixtures;

  @BeforeAll
  void setUp() {
    api = Api.onPort(port);
    fixtures = new Fixtures(api);
  }

  static Stream<String> headersWithHighBytes() {
    return Stream.of("If-Match", "If-None-Match", "Idempotency-Key", "Content-Type");
  }

  @ParameterizedTest
  @MethodSource("headersWithHighBytes")
  void aC1ControlByteInAHeaderIsABadRequest(String header) {
    String complaint = fixtures.submit().get("id").asString();
    String[][] requests = {
      {"GET", "/dashboard/", null},
      {"GET", "/api/v1/complaints/" + complaint, TestSetup.SERVICE_TOKEN},
      {"POST", "/api/v1/complaints/submit", TestSetup.SERVICE_TOKEN},
      {"PATCH", "/api/v1/complaints/" + complaint + "/status", fixtures.adminToken()},
    };
    for (String[] request : requests) {
      byte[] body =
          request[0].equals("GET")
              ? new byte[0]
              : (request[0].equals("POST")
                      ? Api.JSON.writeValueAsString(Fixtures.complaint(Fixtures.reporter()))
                      : "{\"status\":\"in_progress\"}")
                  .getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(request[0] + " " + request[1] + " HTTP/1.1");
      if (request[2] != null) {
        head.append("\r\nAuthorization: Bearer ").append(request[2]);
      }
      if (!header.equals("Content-Type") && body.length > 0) {
        head.append("\r\nContent-Type: application/json");
      }
      head.append("\r\n").append(header).append(": \"1\u0085\u009f\"");

      RawHttp.Answer answer = RawHttp.send(port, head.toString(), body);

      assertThat(answer.status())
          .as(request[0] + " " + request[1] + ": " + answer)
          .isBetween(400, 499);
      assertThat(answer.contentType()).as(answer.toString()).contains("application/problem+json");
    }
    assertThat(fixtures.move(complaint, "in_progress").get("status").asString())
        .as("nothing changed the complaint before")
        .isEqualTo("in_progress");
  }

  @Test
  void aFormLoginThatIsNotUrlEncodingIsABadRequest() {
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, 'g', 'a', 'r', 'b', 'a', 'g', 'e', '%', 'z'};

    RawHttp.Answer answer =
        RawHttp.send(
            port,
            "POST /auth/login HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded",
            garbage);

    assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
    assertThat(answer.contentType()).contains("application/problem+json");
  }

  static Stream<String> targetsTheFirewallsRefuse() {
    return Stream.of(
        "/api/v1/complaints/..;/x",
        "/api/v1/complaints/%2e%2e/staff",
        "/api/v1//complaints",
        "/api/v1/complaints;jsessionid=1",
        "/api/v1/complaints%00",
        "/api/v1/%2Fcomplaints",
        "/dashboard/%5c..%5c");
  }

  @ParameterizedTest
  @MethodSource("targetsTheFirewallsRefuse")
  void aRequestTheFirewallRefusesGetsAProblemDocument(String target) {
    RawHttp.Answer answer =
        RawHttp.send(
            port,
            "GET " + target + " HTTP/1.1\r\nAuthorization: Bearer " + TestSetup.SERVICE_TOKEN);

    assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
    assertThat(answer.contentType()).as(answer.toString()).contains("application/problem+json");
    assertThat(answer.json().get("status").asInt()).isEqualTo(answer.status());
  }

  static Stream<String[]> multipartTargetsThatTakeNone() {
    return Stream.of(
        new String[] {"/auth/login-json", null},
        new String[] {"/auth/session", null},
        new String[] {"/api/v1/complaints/submit", TestSetup.SERVICE_TOKEN},
        new String[] {"/api/v1/complaints/" + java.util.UUID.randomUUID() + "/photos", null});
  }

  @ParameterizedTest
  @MethodSource("multipartTargetsThatTakeNone")
  void aLargeMultipartBodyIsRefusedBeforeItIsRead(String path, String token) {
    String boundary = "hostile-boundary";
    byte[] prefix =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n"
                + "x".repeat(64 * 1024))
            .getBytes(StandardCharsets.ISO_8859_1);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nContent-Type: multipart/form-data; boundary="
            + boundary
            + (token == null ? "" : "\r\nAuthorization: Bearer " + token);

    RawHttp.Answer answer = RawHttp.sendBeginningOf(port, head, 500L * 1024 * 1024, prefix, 5_000);

    assertThat(answer.status()).as(answer.toString()).isIn(401, 415);
    assertThat(answer.contentType()).contains("application/problem+json");
  }

  @Test
  void anUploadDeclaredFarOverThePhotoLimitIsRefusedBeforeItIsRead() {
    String complaint = fixtures.submit().get("id").asString();
    String head =
        "POST /api/v1/complaints/"
            + complaint
            + "/photos HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            + "Authorization: Bearer "
            + TestSetup.SERVICE_TOKEN;

    RawHttp.Answer answer =
        RawHttp.sendBeginningOf(
            port, head, 500L * 1024 * 1024, "--b\r\n".getBytes(StandardCharsets.UTF_8), 5_000);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
    assertThat(answer.json().get("detail").asString()).contains("at most");
  }

  @Test
  void duplicateKeysInAJsonBodyAreRefusedAndStoreNothing() {
    String reporter = Fixtures.reporter();
    String body =
        "{\"telegram_user_id\":\""
            + reporter
            + "\",\"hostel\":\"block-a\",\"room_number\":\"A312\",\"category\":\"plumbing\","
            + "\"description\":\"Tap leaking\",\"severity\":\"low\",\"severity\":\"high\"}";

    Api.Response answer =
        api.call("POST", "/api/v1/complaints/submit")
            .token(TestSetup.SERVICE_TOKEN)
            .json(body)
            .send();

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().get("detail").asString()).contains("severity");
    Api.Response stored =
        api.get("/api/v1/complaints?telegram_user_id=" + reporter, TestSetup.SERVICE_TOKEN);
    assertThat(stored.json().get("total").asLong()).isZero();
  }

  @Test
  void aWeakTagInIfMatchNeverMatchesAndChangesNothing() {
    String complaint = fixtures.submit().get("id").asString();
    Api.Response current = api.get("/api/v1/complaints/" + complaint, fixtures.adminToken());
    String strong = current.header("ETag").orElseThrow();

    Api.Response weak =
        api.call("PATCH", "/api/v1/complaints/" + complaint + "/status")
            .token(fixtures.adminToken())
            .header("If-Match", "W/" + strong)
            .json(Map.of("status", "in_progress"))
            .send();

    assertThat(weak.status()).as(weak.toString()).isEqualTo(412);
    assertThat(weak.json().get("detail").asString()).contains("weak");
    assertThat(
            api.get("/api/v1/complaints/" + complaint, fixtures.adminToken())
                .json()
                .get("status")
                .asString())
        .isEqualTo("reported");
    Api.Response strongMatch =
        api.call("PATCH", "/api/v1/complaints/" + complaint + "/status")
            .token(fixtures.adminToken())
            .header("If-Match", strong)
            .json(Map.of("status", "in_progress"))
            .send();
    assertThat(strongMatch.status()).as(strongMatch.toString()).isEqualTo(200);
  }
}
