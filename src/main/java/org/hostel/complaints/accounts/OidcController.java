package org.hostel.complaints.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the login page whether single sign-on is on and what to call it. */
@RestController
@EnableConfigurationProperties(OidcSettings.class)
class OidcController {

  private final OidcSettings settings;

  OidcController(OidcSettings settings) {
    this.settings = settings;
  }

  record Sso(boolean enabled, @Nullable String name, @Nullable String url) {}

  @Operation(
      summary = "Single sign-on",
      description =
          "Whether sign-in through the organisation's OpenID Connect provider is on, its name, and the URL that starts it (`/oauth2/authorization/oidc`).")
  @SecurityRequirements
  @GetMapping("/auth/sso")
  Sso sso() {
    return settings.enabled()
        ? new Sso(true, settings.providerName(), OidcLogin.START)
        : new Sso(false, null, null);
  }
}
