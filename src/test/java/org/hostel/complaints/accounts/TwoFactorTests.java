package org.hostel.complaints.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * TOTP two-factor end to end over HTTP; the test computes codes from the shared secret as an
 * authenticator app would.
 */
@EmbeddedContext
class TwoFactorTests {

  /** Enrols the member and answers the secret and the recovery codes. */
  static Enrolled enrol(Api api, String token) {
    JsonNode enrolment = api.call("POST", "/api/v1/profile/2fa/enroll").token(token).send().json();
    String secret = enrolment.get("secret").asString();
    Api.Response confirmed =
        api.post("/api/v1/profile/2fa/confirm", token, Map.of("code", code(secret, 0)));
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    return new Enrolled(
        secret,
        confirmed.json().get("recovery_codes").valueStream().map(JsonNode::asString).toList());
  }

  record Enrolled(String secret, List<String> recoveryCodes) {}

  static String code(String secret, int stepsAhead) {
    return Totp.code(secret, Totp.step(Instant.now()) + stepsAhead);
  }

  @Test
  void enrolmentShowsAQrCodeAndTurnsOnOnlyWithARightCode(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    Api.Response started =
        api.call("POST", "/api/v1/profile/2fa/enroll").token(porter.token()).send();
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String secret = started.json().get("secret").asString();
    assertThat(started.json().get("otpauth_uri").asString())
        .startsWith("otpauth://totp/")
        .contains("secret=" + secret)
        .contains(porter.email().replace("@", "%40"));
    assertThat(started.json().get("qr_svg").asString()).startsWith("<svg").contains("<path");
    assertThat(login(api, porter).json().has("access_token")).isTrue();

    Api.Response wrong =
        api.post("/api/v1/profile/2fa/confirm", porter.token(), Map.of("code", "000000"));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(api.get("/api/v1/profile/2fa", porter.token()).json().get("enabled").asBoolean())
        .isFalse();
    Api.Response right =
        api.post("/api/v1/profile/2fa/confirm", porter.token(), Map.of("code", code(secret, 0)));
    assertThat(right.status()).isEqualTo(200);
    assertThat(right.json().get("recovery_codes")).hasSize(10);
    assertThat(api.get("/api/v1/profile/2fa", porter.token()).json().get("enabled").asBoolean())
        .isTrue();
    assertThat(api.call("POST", "/api/v1/profile/2fa/enroll").token(porter.token()).send().status())
        .isEqualTo(409);
  }

  @Test
  void loginBecomesTwoStepsAndNoCodeOrTokenWorksTwice(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    Enrolled enrolled = enrol(api, porter.token());

    JsonNode first = login(api, porter).json();
    assertThat(first.get("mfa_required").asBoolean()).isTrue();
    assertThat(first.has("access_token")).isFalse();
    String pending = first.get("mfa_token").asString();
    // The code used to confirm the enrolment is spent: a replay is refused.
    Api.Response replay = second(api, pending, Map.of("code", code(enrolled.secret(), 0)));
    assertThat(replay.status()).as(replay.toString()).isEqualTo(401);
    Api.Response done = second(api, pending, Map.of("code", code(enrolled.secret(), 1)));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    String token = done.json().get("access_token").asString();
    assertThat(api.get("/api/v1/profile/me", token).status()).isEqualTo(200);
    assertThat(second(api, pending, Map.of("code", code(enrolled.secret(), 1))).status())
        .isEqualTo(401);

    String recovery = enrolled.recoveryCodes().getFirst();
    String next = login(api, porter).json().get("mfa_token").asString();
    assertThat(second(api, next, Map.of("recovery_code", recovery.toUpperCase())).status())
        .isEqualTo(200);
    String again = login(api, porter).json().get("mfa_token").asString();
    assertThat(second(api, again, Map.of("recovery_code", recovery)).status()).isEqualTo(401);

    // The dashboard's cookie login takes the same two steps.
    Api.Response session =
        api.post(
            "/auth/session",
            null,
            Map.of("username", porter.email(), "password", porter.password()));
    assertThat(session.json().get("mfa_required").asBoolean()).isTrue();
    assertThat(session.header("Set-Cookie")).isEmpty();
    Api.Response cookie =
        api.post(
            "/auth/session/2fa",
            null,
            Map.of(
                "mfa_token",
                session.json().get("mfa_token").asString(),
                "recovery_code",
                enrolled.recoveryCodes().get(1)));
    assertThat(cookie.status()).as(cookie.toString()).isEqualTo(200);
    assertThat(cookie.header("Set-Cookie"))
        .hasValueSatisfying(c -> assertThat(c).contains("HttpOnly"));
    assertThat(cookie.json().get("csrf_token").asString()).isNotBlank();

    assertThat(api.post("/api/v1/profile/2fa/disable", token, Map.of("code", "000000")).status())
        .isEqualTo(422);
    assertThat(
            api.post(
                    "/api/v1/profile/2fa/disable",
                    token,
                    Map.of("recovery_code", enrolled.recoveryCodes().get(2)))
                .status())
        .isEqualTo(200);
    assertThat(login(api, porter).json().has("access_token")).isTrue();
    assertThat(
            AuditTests.rows(api, fixtures, "action=mfa.&actor=" + porter.id()).stream()
                .map(r -> r.get("action").asString()))
        .contains("mfa.enrolled", "mfa.failed", "mfa.recovery_code_used", "mfa.disabled");
  }

  @Test
  void guessingCodesIsLimitedAndAudited(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    Enrolled enrolled = enrol(api, porter.token());
    String pending = login(api, porter).json().get("mfa_token").asString();
    for (int i = 0; i < 5; i++) {
      assertThat(second(api, pending, Map.of("code", String.format("%06d", i))).status())
          .isEqualTo(401);
    }
    Api.Response limited = second(api, pending, Map.of("code", code(enrolled.secret(), 1)));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isPresent();
    assertThat(AuditTests.rows(api, fixtures, "action=mfa.throttled&actor=" + porter.id()))
        .isNotEmpty();
  }

  @Test
  void badSecondStepsAreRefused(Api api) {
    assertThat(second(api, "no-such-login", Map.of("code", "123456")).status()).isEqualTo(401);
    assertThat(second(api, "x", Map.of("code", "1".repeat(100))).status()).isEqualTo(422);
    assertThat(second(api, "x".repeat(1000), Map.of("code", "123456")).status()).isEqualTo(422);
    assertThat(
            api.post("/auth/login/2fa/enroll", null, Map.of("mfa_token", "no-such-login")).status())
        .isEqualTo(401);
  }

  static Api.Response login(Api api, Fixtures.Staff who) {
    return api.post(
        "/auth/login-json", null, Map.of("username", who.email(), "password", who.password()));
  }

  static Api.Response second(Api api, String pending, Map<String, String> code) {
    Map<String, String> body = new java.util.HashMap<>(code);
    body.put("mfa_token", pending);
    return api.post("/auth/login/2fa", null, body);
  }
}
