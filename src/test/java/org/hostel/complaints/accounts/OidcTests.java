package org.hostel.complaints.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.oidcprovider.IdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on against a real OpenID provider in this JVM (Spring Authorization Server): the
 * whole redirect dance over HTTP, as a browser does it, with the provider's login form.
 */
@DirtiesContext
@EmbeddedContext
class OidcTests {

  static final ConfigurableApplicationContext PROVIDER = IdentityProvider.start();
  static final String ISSUER = "http://localhost:" + IdentityProvider.port(PROVIDER);

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    registry.add("complaints.oidc.issuer-uri", () -> ISSUER);
    registry.add("complaints.oidc.client-id", () -> "complaints");
    registry.add("complaints.oidc.client-secret", () -> "complaints-secret");
    registry.add("complaints.oidc.provider-name", () -> "Test University");
    registry.add("complaints.oidc.role-claim", () -> "groups");
    registry.add("complaints.oidc.admin-values", () -> "it-admins");
    registry.add("complaints.oidc.porter-values", () -> "porters");
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.close();
  }

  /** A browser: its own cookies, redirects followed by hand so each hop can be checked. */
  static final class Browser {
    final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String url) {
      return send(
          HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
    }

    HttpResponse<String> post(String url, Map<String, String> form) {
      StringBuilder body = new StringBuilder();
      form.forEach(
          (k, v) ->
              body.append(body.isEmpty() ? "" : "&")
                  .append(k)
                  .append('=')
                  .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
      return send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "text/html")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build());
    }

    HttpResponse<String> send(HttpRequest request) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /**
     * Follows redirects from {@code url}, logging in at the provider's form as {@code email}; stops
     * at the first answer that is no redirect to the provider or to the service's callback. With
     * {@code tamper}, the state in the callback is replaced first.
     */
    HttpResponse<String> signIn(String start, String email, boolean tamper) {
      HttpResponse<String> response = get(start);
      for (int hop = 0; hop < 15; hop++) {
        String location = response.headers().firstValue("Location").orElse(null);
        if (response.statusCode() == 200 && response.uri().getPath().equals("/login")) {
          Matcher csrf =
              Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(response.body());
          assertThat(csrf.find()).as(response.body()).isTrue();
          response =
              post(
                  ISSUER + "/login",
                  Map.of(
                      "username",
                      email,
                      "password",
                      IdentityProvider.PASSWORD,
                      "_csrf",
                      csrf.group(1)));
          continue;
        }
        if (location == null) {
          return response;
        }
        URI next = response.uri().resolve(location);
        boolean ours = next.getPath().startsWith("/login/oauth2/code/");
        if (ours && tamper) {
          next = URI.create(next.toString().replaceAll("state=[^&]+", "state=forged"));
        }
        if (!ours && !next.toString().startsWith(ISSUER)) {
          return response;
        }
        response = get(next.toString());
      }
      throw new AssertionError("too many redirects");
    }
  }

  String start(Api api) {
    return api.base() + OidcLogin.START;
  }

  static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("complaints_session="))
        .map(c -> c.substring("complaints_session=".length(), c.indexOf(';')))
        .findFirst()
        .orElse(null);
  }

  @Test
  void theLoginPageOffersTheProvider(Api api) {
    JsonNode sso = api.get("/auth/sso", null).json();
    assertThat(sso.get("enabled").asBoolean()).isTrue();
    assertThat(sso.get("name").asString()).isEqualTo("Test University");
    assertThat(sso.get("url").asString()).isEqualTo("/oauth2/authorization/oidc");
  }

  @Test
  void anExistingAccountSignsInByItsEmailAndGetsTheSessionCookie(Api api, Fixtures fixtures) {
    Api.Response created =
        api.post(
            "/auth/register",
            fixtures.adminToken(),
            Map.of(
                "full_name",
                "Existing",
                "email",
                "existing@uni.example",
                "password",
                "Existing-Passw0rd",
                "role",
                "porter"));
    assertThat(created.status()).isIn(201, 409);
    HttpResponse<String> end = new Browser().signIn(start(api), "existing@uni.example", false);
    assertThat(end.statusCode()).isEqualTo(302);
    assertThat(end.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard/");
    String session = sessionCookie(end);
    assertThat(session).isNotNull();
    assertThat(
            end.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("complaints_session=")))
        .allMatch(c -> c.contains("HttpOnly"));
    JsonNode me = api.get("/api/v1/profile/me", session).json();
    assertThat(me.get("email").asString()).isEqualTo("existing@uni.example");
    assertThat(me.get("full_name").asString()).isEqualTo("Existing");
    // Password login still works next to it.
    assertThat(api.login("existing@uni.example", "Existing-Passw0rd")).isNotBlank();
  }

  @Test
  void theRoleClaimMakesNewAccountsAndAnUnknownPersonIsRefused(Api api, Fixtures fixtures) {
    String porter = sessionCookie(new Browser().signIn(start(api), "newporter@uni.example", false));
    assertThat(api.get("/api/v1/profile/me", porter).json().get("role").asString())
        .isEqualTo("porter");
    String admin = sessionCookie(new Browser().signIn(start(api), "newadmin@uni.example", false));
    JsonNode me = api.get("/api/v1/profile/me", admin).json();
    assertThat(me.get("role").asString()).isEqualTo("admin");
    assertThat(me.get("full_name").asString()).isEqualTo("SSO newadmin");

    HttpResponse<String> stranger = new Browser().signIn(start(api), "stranger@uni.example", false);
    assertThat(stranger.headers().firstValue("Location").orElseThrow())
        .endsWith(OidcLogin.FAILED + "?reason=no-account");
    assertThat(sessionCookie(stranger)).isNull();
    assertThat(
            AuditTests.rows(api, fixtures, "action=sso.refused").stream()
                .anyMatch(r -> r.get("target").asString().equals("stranger@uni.example")))
        .isTrue();
  }

  @Test
  void aCallbackWithAForgedStateIsRefused(Api api) {
    HttpResponse<String> forged = new Browser().signIn(start(api), "newporter@uni.example", true);
    assertThat(forged.headers().firstValue("Location").orElseThrow())
        .endsWith(OidcLogin.FAILED + "?reason=failed");
    assertThat(sessionCookie(forged)).isNull();
  }
}
