package org.hostel.complaints.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EmbeddedContext
class SessionCookieTests {

  Api api;
  Fixtures fixtures;

  @BeforeEach
  void setUp(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
  }

  record Session(String cookie, String csrf) {}

  Session login(String username, String password) {
    Api.Response response =
        api.post("/auth/session", null, Map.of("username", username, "password", password));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    String setCookie = response.header("Set-Cookie").orElseThrow();
    String value = setCookie.substring(0, setCookie.indexOf(';'));
    return new Session(value, response.json().get("csrf_token").asString());
  }

  Session admin() {
    return login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
  }

  Api.Response submitWith(Session session, String csrf) {
    var call =
        api.call("POST", "/api/v1/complaints/submit")
            .header("Cookie", session.cookie())
            .json(Fixtures.complaint(Fixtures.reporter()));
    if (csrf != null) {
      call.header(SessionCookie.CSRF_HEADER, csrf);
    }
    return call.send();
  }

  @Test
  void loggingInSetsAnHttpOnlyStrictCookieAndKeepsTheTokenOutOfTheBody() {
    Api.Response response =
        api.post(
            "/auth/session",
            null,
            Map.of("username", TestSetup.ADMIN_EMAIL, "password", TestSetup.ADMIN_PASSWORD));

    assertThat(response.status()).isEqualTo(200);
    String cookie = response.header("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith(SessionCookie.NAME + "=")
        .contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=3600")
        .doesNotContain("Secure");
    assertThat(response.json().has("access_token")).isFalse();
    assertThat(response.json().get("role").asString()).isEqualTo("admin");
    assertThat(response.json().get("csrf_token").asString()).isNotBlank();
  }

  @Test
  void theCookieAuthenticatesReadsAndTellsWhoIsLoggedIn() {
    Session session = admin();

    Api.Response me = api.call("GET", "/auth/session").header("Cookie", session.cookie()).send();
    Api.Response list =
        api.call("GET", "/api/v1/complaints").header("Cookie", session.cookie()).send();

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("full_name").asString()).isEqualTo("Administrator");
    assertThat(me.json().get("csrf_token").asString()).isEqualTo(session.csrf());
    assertThat(list.status()).isEqualTo(200);
  }

  @Test
  void aCookieAuthenticatedWriteWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
    Session session = admin();
    String reporter = Fixtures.reporter();
    Api.Response refused =
        api.call("POST", "/api/v1/complaints/submit")
            .header("Cookie", session.cookie())
            .json(Fixtures.complaint(reporter))
            .send();

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type").orElseThrow()).contains("application/problem+json");
    assertThat(refused.json().get("detail").asString()).contains("X-CSRF-Token");
    Api.Response stored =
        api.get("/api/v1/complaints?telegram_user_id=" + reporter, TestSetup.SERVICE_TOKEN);
    assertThat(stored.json().get("total").asLong()).isZero();
  }

  @Test
  void aCookieAuthenticatedWriteWithItsCsrfTokenSucceeds() {
    Session session = admin();

    assertThat(submitWith(session, session.csrf()).status()).isEqualTo(201);
  }

  @Test
  void theCsrfTokenOfAnotherSessionIsRefused() {
    Session mine = admin();
    Session other = admin();

    assertThat(submitWith(mine, other.csrf()).status()).isEqualTo(403);
    assertThat(submitWith(mine, "made-up").status()).isEqualTo(403);
  }

  @Test
  void bearerClientsNeedNoCsrfTokenEvenWithACookieAround() {
    Session session = admin();

    Api.Response byBot =
        api.call("POST", "/api/v1/complaints/submit")
            .token(TestSetup.SERVICE_TOKEN)
            .header("Cookie", session.cookie())
            .json(Fixtures.complaint(Fixtures.reporter()))
            .send();

    assertThat(byBot.status()).isEqualTo(201);
    assertThat(fixtures.submit().get("id")).isNotNull();
  }

  @Test
  void loggingOutRevokesTheTokenAndClearsTheCookie() {
    Session session = admin();

    Api.Response out =
        api.call("DELETE", "/auth/session")
            .header("Cookie", session.cookie())
            .header(SessionCookie.CSRF_HEADER, session.csrf())
            .send();

    assertThat(out.status()).isEqualTo(204);
    assertThat(out.header("Set-Cookie").orElseThrow())
        .startsWith(SessionCookie.NAME + "=;")
        .contains("Max-Age=0");
    Api.Response after =
        api.call("GET", "/api/v1/complaints").header("Cookie", session.cookie()).send();
    assertThat(after.status()).isEqualTo(401);
    String token = session.cookie().substring(session.cookie().indexOf('=') + 1);
    assertThat(api.get("/api/v1/profile/me", token).status())
        .as("the same token used as a bearer token is revoked too")
        .isEqualTo(401);
  }

  @Test
  void aStaleCookieDoesNotBlockThePageOrANewLogin() {
    Session session = admin();
    api.call("DELETE", "/auth/session")
        .header("Cookie", session.cookie())
        .header(SessionCookie.CSRF_HEADER, session.csrf())
        .send();

    Api.Response page = api.call("GET", "/dashboard/").header("Cookie", session.cookie()).send();
    Api.Response again =
        api.call("POST", "/auth/session")
            .header("Cookie", session.cookie())
            .json(Map.of("username", TestSetup.ADMIN_EMAIL, "password", TestSetup.ADMIN_PASSWORD))
            .send();

    assertThat(page.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordsGetOneMessageAndNoCookie() {
    Api.Response wrong =
        api.post(
            "/auth/session",
            null,
            Map.of("username", TestSetup.ADMIN_EMAIL, "password", "Wrong-Passw0rd"));
    Api.Response unknown =
        api.post("/auth/session", null, Map.of("username", "nobody@test.local", "password", "x"));

    for (Api.Response response : List.of(wrong, unknown)) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("Set-Cookie")).isEmpty();
    }
    assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
  }

  @Test
  void loginTakesJsonOnlySoACrossSiteFormCannotLogSomeoneIn() {
    Api.Response form =
        api.call("POST", "/auth/session")
            .raw(
                "application/x-www-form-urlencoded",
                "username=" + TestSetup.ADMIN_EMAIL + "&password=" + TestSetup.ADMIN_PASSWORD)
            .send();

    assertThat(form.status()).isEqualTo(415);
    assertThat(form.header("Set-Cookie")).isEmpty();
  }

  @Test
  void withoutAnySessionTheSessionEndpointAnswers401WithoutABasicChallenge() {
    Api.Response anonymous = api.get("/auth/session", null);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate").orElse("")).doesNotContain("Basic");
  }
}
