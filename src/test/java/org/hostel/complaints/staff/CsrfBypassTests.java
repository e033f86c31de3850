package org.hostel.complaints.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Only a valid bearer token exempts a write from the session's CSRF token: any other {@code
 * Authorization} header next to the session cookie is refused, as a browser form could make one
 * (Basic and Negotiate are sent by browsers on their own).
 */
@EmbeddedContext
class CsrfBypassTests {

  @LocalServerPort int port;
  Api api;
  Fixtures fixtures;

  @BeforeEach
  void setUp() {
    api = Api.onPort(port);
    fixtures = new Fixtures(api);
  }

  String sessionCookie() {
    Api.Response response =
        api.post(
            "/auth/session",
            null,
            Map.of("username", TestSetup.ADMIN_EMAIL, "password", TestSetup.ADMIN_PASSWORD));
    String setCookie = response.header("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  @Test
  void theSessionCookieWithANonBearerAuthorizationHeaderCannotWriteWithoutTheCsrfToken() {
    String cookie = sessionCookie();
    for (String authorization :
        List.of("Basic YWRtaW46YWRtaW4=", "Negotiate YIIBhgYGKwYBBQUCoIIBejCCAXag", "", "Bearer")) {
      String email = "csrf-" + UUID.randomUUID() + "@test.local";
      Api.Response answer =
          api.call("POST", "/auth/register")
              .header("Cookie", cookie)
              .header("Authorization", authorization)
              .json(
                  Map.of(
                      "full_name",
                      "Mallory",
                      "email",
                      email,
                      "password",
                      "Mall0ry-Passw0rd",
                      "role",
                      "admin"))
              .send();

      assertThat(answer.status()).as("'" + authorization + "': " + answer).isIn(401, 403);
      assertThat(answer.header("Content-Type").orElseThrow()).contains("application/problem+json");
      assertThat(
              api.post(
                      "/auth/login-json",
                      null,
                      Map.of("username", email, "password", "Mall0ry-Passw0rd"))
                  .status())
          .as("no account was created")
          .isEqualTo(401);
    }
  }

  @Test
  void aValidBearerTokenNeedsNoCsrfTokenEvenNextToACookie() {
    String cookie = sessionCookie();
    Api.Response answer =
        api.call("POST", "/api/v1/complaints/submit")
            .header("Cookie", cookie)
            .token(TestSetup.SERVICE_TOKEN)
            .json(Fixtures.complaint(Fixtures.reporter()))
            .send();

    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
  }

  @Test
  void anInvalidBearerTokenNextToTheCookieIsUnauthenticated() {
    String cookie = sessionCookie();
    Api.Response answer =
        api.call("POST", "/api/v1/complaints/submit")
            .header("Cookie", cookie)
            .token("not-a-token")
            .json(Fixtures.complaint(Fixtures.reporter()))
            .send();

    assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
  }
}
