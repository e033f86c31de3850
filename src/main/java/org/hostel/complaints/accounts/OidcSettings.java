package org.hostel.complaints.accounts;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through an OpenID Connect provider; off while {@code issuerUri} is empty.
 *
 * @param issuerUri the provider's issuer ({@code COMPLAINTS_OIDC_ISSUER_URI}); its discovery
 *     document is read at the first sign-in, not at start, so a provider that is down does not stop
 *     the service
 * @param clientId this service's client id there ({@code COMPLAINTS_OIDC_CLIENT_ID})
 * @param clientSecret its secret ({@code COMPLAINTS_OIDC_CLIENT_SECRET})
 * @param providerName shown on the login page: "Sign in with ..." ({@code
 *     COMPLAINTS_OIDC_PROVIDER_NAME})
 * @param roleClaim the claim that gives the role of a person without an account ({@code
 *     COMPLAINTS_OIDC_ROLE_CLAIM}, e.g. {@code groups}); empty: only existing accounts, matched by
 *     verified e-mail address, may sign in
 * @param adminValues claim values that make an admin ({@code COMPLAINTS_OIDC_ADMIN_VALUES})
 * @param porterValues claim values that make a porter ({@code COMPLAINTS_OIDC_PORTER_VALUES})
 */
@ConfigurationProperties("complaints.oidc")
record OidcSettings(
    @DefaultValue("") String issuerUri,
    @DefaultValue("") String clientId,
    @DefaultValue("") String clientSecret,
    @DefaultValue("your organisation") String providerName,
    @DefaultValue("") String roleClaim,
    @DefaultValue({}) List<String> adminValues,
    @DefaultValue({}) List<String> porterValues) {

  boolean enabled() {
    return !issuerUri.isBlank();
  }
}
