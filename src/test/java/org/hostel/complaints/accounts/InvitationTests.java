package org.hostel.complaints.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.mail.SmtpServer;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Invitations end to end over HTTP: the mail is read from a real SMTP server and its link used. */
// Settings of its own (the SMTP server's port): the context is never reused, so it is closed.
@DirtiesContext
@EmbeddedContext
class InvitationTests {

  static final SmtpServer SMTP = SmtpServer.started();
  static final String ORIGIN = "https://complaints.example.org";

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    AccountsMail.register(registry, SMTP);
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  static String address() {
    return "invitee-" + UUID.randomUUID() + "@test.local";
  }

  static Map<String, Object> invitation(String email, String role) {
    return Map.of("email", email, "role", role, "full_name", "Ivy Invitee");
  }

  @Test
  void anInviteeSetsAPasswordThroughTheMailedLinkAndIsLoggedIn(Api api, Fixtures fixtures) {
    String email = address();
    Api.Response invited =
        api.post("/api/v1/staff/invitations", fixtures.adminToken(), invitation(email, "porter"));
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    JsonNode body = invited.json();
    assertThat(body.get("email").asString()).isEqualTo(email);
    assertThat(body.get("role").asString()).isEqualTo("porter");
    assertThat(body.get("expires_at").asString()).isNotBlank();
    assertThat(body.get("status").asString()).isEqualTo("pending");

    Mails.Link link = Mails.link(SMTP, email, 1);
    assertThat(link.subject()).contains("invited");
    assertThat(link.url()).startsWith(ORIGIN + "/dashboard/#/invitation?token=");
    assertThat(link.text()).contains("Ivy Invitee").contains("72 hours");

    Api.Response weak =
        api.post(
            "/auth/invitations/accept", null, Map.of("token", link.token(), "password", "short"));
    assertThat(weak.status()).as(weak.toString()).isEqualTo(422);
    assertThat(status(api, fixtures, body.get("id").asString())).isEqualTo("pending");

    Api.Response accepted =
        api.post(
            "/auth/invitations/accept",
            null,
            Map.of("token", link.token(), "password", "Invited-Passw0rd"));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().get("token_type").asString()).isEqualTo("bearer");
    assertThat(accepted.json().get("role").asString()).isEqualTo("porter");
    String token = accepted.json().get("access_token").asString();
    assertThat(api.get("/api/v1/profile/me", token).json().get("email").asString())
        .isEqualTo(email);
    assertThat(api.login(email, "Invited-Passw0rd")).isNotBlank();

    Api.Response again =
        api.post(
            "/auth/invitations/accept",
            null,
            Map.of("token", link.token(), "password", "Another-Passw0rd"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("detail").asString()).contains("accepted");
    assertThat(status(api, fixtures, body.get("id").asString())).isEqualTo("accepted");

    JsonNode audit =
        api.get("/api/v1/audit?action=invitation.&actor=" + email, fixtures.adminToken()).json();
    assertThat(audit.get("items").valueStream().map(e -> e.get("action").asString()))
        .contains("invitation.accepted", "invitation.refused");
  }

  @Test
  void resendingKillsTheOldLinkAndRevokingKillsTheNewOne(Api api, Fixtures fixtures) {
    String email = address();
    String id =
        api.post("/api/v1/staff/invitations", fixtures.adminToken(), invitation(email, "admin"))
            .json()
            .get("id")
            .asString();
    Mails.Link first = Mails.link(SMTP, email, 1);
    Api.Response resent =
        api.call("POST", "/api/v1/staff/invitations/" + id + "/resend")
            .token(fixtures.adminToken())
            .send();
    assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
    Mails.Link second = Mails.link(SMTP, email, 2);
    assertThat(second.token()).isNotEqualTo(first.token());
    assertThat(accept(api, first.token()).status()).isEqualTo(400);

    assertThat(api.delete("/api/v1/staff/invitations/" + id, fixtures.adminToken()).status())
        .isEqualTo(204);
    Api.Response revoked = accept(api, second.token());
    assertThat(revoked.status()).isEqualTo(400);
    assertThat(revoked.json().get("detail").asString()).contains("revoked");
    assertThat(api.delete("/api/v1/staff/invitations/" + id, fixtures.adminToken()).status())
        .isEqualTo(409);
    assertThat(
            api.post(
                    "/auth/login-json",
                    null,
                    Map.of("username", email, "password", "Invited-Passw0rd"))
                .status())
        .isEqualTo(401);
  }

  @Test
  void badInvitationsAreRefusedAndStoreNothing(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    String admin = fixtures.adminToken();
    assertThat(
            api.post("/api/v1/staff/invitations", admin, invitation(porter.email(), "porter"))
                .status())
        .isEqualTo(409);
    String email = address();
    assertThat(api.post("/api/v1/staff/invitations", admin, invitation(email, "porter")).status())
        .isEqualTo(201);
    Api.Response twice = api.post("/api/v1/staff/invitations", admin, invitation(email, "porter"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("detail").asString()).contains("open");
    assertThat(
            api.post("/api/v1/staff/invitations", porter.token(), invitation(address(), "porter"))
                .status())
        .isEqualTo(403);
    assertThat(
            api.post("/api/v1/staff/invitations", admin, invitation("not an address", "porter"))
                .status())
        .isEqualTo(422);
    assertThat(
            api.post(
                    "/api/v1/staff/invitations",
                    admin,
                    Map.of("email", address(), "role", "king", "full_name", "X"))
                .status())
        .isBetween(400, 422);
    assertThat(
            api.post(
                    "/api/v1/staff/invitations",
                    admin,
                    Map.of("email", address(), "role", "porter", "full_name", "x".repeat(500)))
                .status())
        .isEqualTo(422);
    assertThat(accept(api, "tampered-" + UUID.randomUUID()).status()).isEqualTo(400);
    assertThat(accept(api, "x".repeat(5000)).status()).isEqualTo(422);
  }

  static Api.Response accept(Api api, String token) {
    return api.post(
        "/auth/invitations/accept", null, Map.of("token", token, "password", "Invited-Passw0rd"));
  }

  static String status(Api api, Fixtures fixtures, String id) {
    for (JsonNode row : api.get("/api/v1/staff/invitations", fixtures.adminToken()).json()) {
      if (row.get("id").asString().equals(id)) {
        return row.get("status").asString();
      }
    }
    throw new AssertionError("no invitation " + id);
  }
}
