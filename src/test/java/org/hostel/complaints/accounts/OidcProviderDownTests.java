package org.hostel.complaints.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A provider that cannot be reached: the service still starts (the discovery document is read at
 * the first sign-in), and starting a sign-in sends the browser back to the login page with a reason
 * instead of an error page.
 */
class OidcProviderDownTests {

  @Test
  void startingASignInWhileTheProviderIsDownSendsTheBrowserBackWithAReason() throws Exception {
    OidcSettings settings =
        new OidcSettings(
            "http://127.0.0.1:" + ServiceProcess.freePort(),
            "complaints",
            "secret",
            "Test University",
            "",
            List.of(),
            List.of());
    OidcLogin.LazyRegistration registrations = new OidcLogin.LazyRegistration(settings);
    assertThatThrownBy(() -> registrations.findByRegistrationId("oidc"))
        .isInstanceOf(RuntimeException.class);
    assertThat(registrations.findByRegistrationId("other")).isNull();

    Audit audit = Mockito.mock(Audit.class);
    MockHttpServletRequest request =
        new MockHttpServletRequest("GET", "/oauth2/authorization/oidc");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    new OidcLogin.ProviderCheck(registrations, audit).doFilter(request, response, chain);

    assertThat(response.getRedirectedUrl()).isEqualTo(OidcLogin.FAILED + "?reason=unavailable");
    assertThat(chain.getRequest()).isNull();
    Mockito.verify(audit)
        .record(
            Mockito.eq("sso.failed"),
            Mockito.isNull(),
            Mockito.isNull(),
            Mockito.isNull(),
            Mockito.startsWith("provider unreachable"));
  }

  @Test
  void theRoleClaimMapsToARoleOrToNothing() {
    OidcSettings settings =
        new OidcSettings(
            "http://x", "c", "s", "U", "groups", List.of("it-admins"), List.of("porters"));
    assertThat(OidcLogin.role(user(List.of("students", "it-admins")), settings))
        .isEqualTo(org.hostel.complaints.staff.Role.ADMIN);
    assertThat(OidcLogin.role(user("porters"), settings))
        .isEqualTo(org.hostel.complaints.staff.Role.PORTER);
    assertThat(OidcLogin.role(user(List.of("students")), settings)).isNull();
    OidcSettings existingOnly =
        new OidcSettings("http://x", "c", "s", "U", "", List.of("it-admins"), List.of());
    assertThat(OidcLogin.role(user(List.of("it-admins")), existingOnly)).isNull();
  }

  static org.springframework.security.oauth2.core.oidc.user.OidcUser user(Object groups) {
    var token =
        org.springframework.security.oauth2.core.oidc.OidcIdToken.withTokenValue("t")
            .subject("s")
            .claim("groups", groups)
            .issuedAt(java.time.Instant.now())
            .expiresAt(java.time.Instant.now().plusSeconds(60))
            .build();
    return new org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser(List.of(), token);
  }
}
