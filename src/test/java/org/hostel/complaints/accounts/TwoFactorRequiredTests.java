package org.hostel.complaints.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code COMPLAINTS_AUTH_REQUIRE_2FA_FOR}: a role that must use two-factor enrols at its first
 * login and cannot switch it off. Porters here, so that the shared admin still logs in with a
 * password.
 */
@DirtiesContext
@EmbeddedContext
@TestPropertySource(properties = "complaints.auth.require-2fa-for=porter")
class TwoFactorRequiredTests {

  @Test
  void aRequiredRoleEnrolsAtItsFirstLoginAndCannotTurnItOff(Api api) {
    String admin = api.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
    String email = "porter-" + UUID.randomUUID() + "@test.local";
    assertThat(
            api.post(
                    "/auth/register",
                    admin,
                    Map.of(
                        "full_name", "Must Enrol", "email", email, "password", "Porter-Passw0rd"))
                .status())
        .isEqualTo(201);
    JsonNode first =
        api.post("/auth/login-json", null, Map.of("username", email, "password", "Porter-Passw0rd"))
            .json();
    assertThat(first.get("mfa_required").asBoolean()).isTrue();
    assertThat(first.get("enrollment_required").asBoolean()).isTrue();
    String pending = first.get("mfa_token").asString();

    Api.Response enrolment = api.post("/auth/login/2fa/enroll", null, Map.of("mfa_token", pending));
    assertThat(enrolment.status()).as(enrolment.toString()).isEqualTo(200);
    String secret = enrolment.json().get("secret").asString();
    assertThat(TwoFactorTests.second(api, pending, Map.of("code", "000000")).status())
        .isEqualTo(401);
    Api.Response done =
        TwoFactorTests.second(api, pending, Map.of("code", TwoFactorTests.code(secret, 0)));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().get("recovery_codes")).hasSize(10);
    String token = done.json().get("access_token").asString();

    JsonNode state = api.get("/api/v1/profile/2fa", token).json();
    assertThat(state.get("enabled").asBoolean()).isTrue();
    assertThat(state.get("required").asBoolean()).isTrue();
    assertThat(
            api.post(
                    "/api/v1/profile/2fa/disable",
                    token,
                    Map.of("code", TwoFactorTests.code(secret, 1)))
                .status())
        .isEqualTo(409);
    JsonNode next =
        api.post("/auth/login-json", null, Map.of("username", email, "password", "Porter-Passw0rd"))
            .json();
    assertThat(next.get("mfa_required").asBoolean()).isTrue();
    assertThat(next.has("enrollment_required")).isFalse();
    assertThat(api.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD)).isNotBlank();
  }
}
