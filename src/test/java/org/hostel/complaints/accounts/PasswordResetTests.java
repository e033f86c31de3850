package org.hostel.complaints.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostel.complaints.testing.Eventually.await;

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

/** "Forgot password" end to end: the mail is read from a real SMTP server and its link used. */
// Settings of its own (the SMTP server's port): the context is never reused, so it is closed.
@DirtiesContext
@EmbeddedContext
class PasswordResetTests {

  static final SmtpServer SMTP = SmtpServer.started();
  static final String NEW_PASSWORD = "Reset-Passw0rd";

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    AccountsMail.register(registry, SMTP);
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @Test
  void theMailedLinkSetsANewPasswordAndSignsOutEverySession(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    String second = api.login(porter.email(), porter.password());
    Api.Response asked = ask(api, porter.email());
    assertThat(asked.status()).isEqualTo(202);

    Mails.Link link = Mails.link(SMTP, porter.email(), 1);
    assertThat(link.url()).startsWith(AccountsMail.ORIGIN + "/dashboard/#/reset-password?token=");
    assertThat(link.text()).contains("30 minutes");

    Api.Response weak = confirm(api, link.token(), "weak");
    assertThat(weak.status()).as(weak.toString()).isEqualTo(422);
    assertThat(api.get("/api/v1/profile/me", second).status()).isEqualTo(200);

    Api.Response done = confirm(api, link.token(), NEW_PASSWORD);
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    String fresh = done.json().get("access_token").asString();
    assertThat(api.get("/api/v1/profile/me", fresh).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/profile/me", second).status()).isEqualTo(401);
    assertThat(login(api, porter.email(), porter.password()).status()).isEqualTo(401);
    assertThat(login(api, porter.email(), NEW_PASSWORD).status()).isEqualTo(200);

    Api.Response reused = confirm(api, link.token(), "Other-Passw0rd");
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json().get("detail").asString()).contains("already been used");
    assertThat(login(api, porter.email(), NEW_PASSWORD).status()).isEqualTo(200);
    assertThat(
            AuditTests.rows(api, fixtures, "action=password_reset.&actor=" + porter.id()).stream()
                .map(r -> r.get("action").asString()))
        .contains("password_reset.requested", "password_reset.used");
  }

  @Test
  void anUnknownAddressGetsTheSameAnswerAndNoMail(Api api, Fixtures fixtures) {
    String nobody = "nobody-" + UUID.randomUUID() + "@test.local";
    Fixtures.Staff porter = fixtures.porter();
    Api.Response unknown = ask(api, nobody);
    Api.Response known = ask(api, porter.email());
    assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(202);
    assertThat(unknown.body()).isEqualTo(known.body());
    Mails.link(SMTP, porter.email(), 1);
    await(
        "the request for the unknown address is audited",
        () -> auditedTarget(api, fixtures, nobody));
    assertThat(SMTP.receivedBy(nobody)).isEmpty();
  }

  @Test
  void aLinkMadeBeforeAPasswordChangeNoLongerWorks(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    ask(api, porter.email());
    Mails.Link link = Mails.link(SMTP, porter.email(), 1);
    Api.Response changed =
        api.post(
            "/api/v1/profile/change-password",
            porter.token(),
            Map.of("current_password", porter.password(), "new_password", "Changed-Passw0rd"));
    assertThat(changed.status()).isEqualTo(200);
    Api.Response stale = confirm(api, link.token(), NEW_PASSWORD);
    assertThat(stale.status()).isEqualTo(400);
    assertThat(stale.json().get("detail").asString()).contains("changed after");
    assertThat(login(api, porter.email(), "Changed-Passw0rd").status()).isEqualTo(200);
  }

  @Test
  void requestsForOneAddressAreLimitedSilently(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    for (int i = 0; i < 5; i++) {
      assertThat(ask(api, porter.email()).status()).isEqualTo(202);
    }
    await(
        "the extra requests are audited as throttled",
        () ->
            AuditTests.rows(api, fixtures, "action=password_reset.throttled").stream()
                    .filter(r -> r.get("target").asString().equals(porter.email()))
                    .count()
                == 2);
    assertThat(SMTP.receivedBy(porter.email())).hasSizeLessThanOrEqualTo(3);
    Mails.link(SMTP, porter.email(), 3);
  }

  @Test
  void badInputIsRefused(Api api) {
    assertThat(ask(api, "not an address").status()).isEqualTo(422);
    assertThat(ask(api, "a".repeat(300) + "@test.local").status()).isEqualTo(422);
    assertThat(confirm(api, "tampered-" + UUID.randomUUID(), NEW_PASSWORD).status()).isEqualTo(400);
    assertThat(confirm(api, "t".repeat(1000), NEW_PASSWORD).status()).isEqualTo(422);
    assertThat(confirm(api, "token", "P".repeat(1000)).status()).isEqualTo(422);
  }

  static boolean auditedTarget(Api api, Fixtures fixtures, String target) {
    return AuditTests.rows(api, fixtures, "action=password_reset.requested").stream()
        .anyMatch(r -> r.get("target").asString().equals(target));
  }

  static Api.Response ask(Api api, String email) {
    return api.post("/auth/password-reset", null, Map.of("email", email));
  }

  static Api.Response confirm(Api api, String token, String password) {
    return api.post(
        "/auth/password-reset/confirm", null, Map.of("token", token, "new_password", password));
  }

  static Api.Response login(Api api, String user, String password) {
    return api.post("/auth/login-json", null, Map.of("username", user, "password", password));
  }
}
