package org.hostel.complaints.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.staff.Role;
import org.hostel.complaints.staff.StaffAccounts;
import org.hostel.complaints.staff.StaffMember;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in through an OpenID Connect provider (Spring Security's OAuth2 client, authorization code
 * with state, nonce and PKCE). The person is matched to an account by verified e-mail address; one
 * without an account gets one only when {@code COMPLAINTS_OIDC_ROLE_CLAIM} maps them to a role. The
 * result is the same HttpOnly session cookie as a password login. The short server session that
 * holds state and nonce during the round trip is dropped at its end.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${complaints.oidc.issuer-uri:}' != ''")
class OidcLogin {

  static final String START = "/oauth2/authorization/oidc";
  static final String FAILED = "/dashboard/#/sso-error";
  private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);

  @Bean
  ClientRegistrationRepository oidcRegistrations(OidcSettings settings) {
    return new LazyRegistration(settings);
  }

  @Bean
  @Order(1)
  SecurityFilterChain singleSignOn(
      HttpSecurity http,
      ClientRegistrationRepository registrations,
      StaffAccounts accounts,
      Audit audit,
      OidcSettings settings)
      throws Exception {
    http.securityMatcher("/oauth2/authorization/**", "/login/oauth2/code/**")
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .oauth2Login(
            login ->
                login
                    .clientRegistrationRepository(registrations)
                    .successHandler(
                        (request, response, authentication) ->
                            signedIn(request, response, authentication, accounts, audit, settings))
                    .failureHandler(
                        (request, response, failure) -> {
                          audit.record(
                              "sso.failed", null, null, null, String.valueOf(failure.getMessage()));
                          end(request);
                          response.sendRedirect(FAILED + "?reason=failed");
                        }))
        .addFilterBefore(
            new ProviderCheck(registrations, audit),
            OAuth2AuthorizationRequestRedirectFilter.class);
    return http.build();
  }

  private static void signedIn(
      HttpServletRequest request,
      HttpServletResponse response,
      Authentication authentication,
      StaffAccounts accounts,
      Audit audit,
      OidcSettings settings)
      throws IOException {
    end(request);
    if (!(authentication.getPrincipal() instanceof OidcUser user)
        || user.getEmail() == null
        || Boolean.FALSE.equals(user.getEmailVerified())) {
      audit.record("sso.refused", null, null, null, "no verified e-mail address");
      response.sendRedirect(FAILED + "?reason=no-email");
      return;
    }
    String email = StaffAccounts.normalEmail(user.getEmail());
    Optional<StaffMember> member = accounts.byEmail(email);
    if (member.isEmpty()) {
      Role role = role(user, settings);
      if (role == null) {
        audit.record("sso.refused", null, email, email, "no account and no role from the provider");
        response.sendRedirect(FAILED + "?reason=no-account");
        return;
      }
      String name = user.getFullName() != null ? user.getFullName() : email;
      member = Optional.of(accounts.createForSingleSignOn(name.strip(), email, role));
      audit.record(
          "staff.created", null, email, email, "role " + role.value() + ", by single sign-on");
    }
    if (!member.get().active()) {
      audit.record("sso.refused", member.get().id(), email, email, "account deactivated");
      response.sendRedirect(FAILED + "?reason=deactivated");
      return;
    }
    accounts.startBrowserSession(member.get(), "single sign-on", request, response);
    response.sendRedirect("/dashboard/");
  }

  /** The role the provider's claim gives, or null (then only existing accounts may sign in). */
  static @Nullable Role role(OidcUser user, OidcSettings settings) {
    if (settings.roleClaim().isBlank()) {
      return null;
    }
    Object claim = user.getClaims().get(settings.roleClaim());
    List<String> values =
        claim instanceof Collection<?> many
            ? many.stream().map(String::valueOf).toList()
            : claim == null ? List.of() : List.of(String.valueOf(claim));
    if (values.stream().anyMatch(v -> contains(settings.adminValues(), v))) {
      return Role.ADMIN;
    }
    if (values.stream().anyMatch(v -> contains(settings.porterValues(), v))) {
      return Role.PORTER;
    }
    return null;
  }

  private static boolean contains(List<String> configured, String value) {
    return configured.stream().anyMatch(c -> c.strip().equalsIgnoreCase(value.strip()));
  }

  private static void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /**
   * The provider's discovery document, read at the first sign-in and kept; a provider that cannot
   * be reached is tried again at the next sign-in.
   */
  static final class LazyRegistration implements ClientRegistrationRepository {

    private final OidcSettings settings;
    private volatile @Nullable ClientRegistration registration;

    LazyRegistration(OidcSettings settings) {
      this.settings = settings;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String id) {
      if (!"oidc".equals(id)) {
        return null;
      }
      ClientRegistration known = registration;
      if (known == null) {
        known =
            ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId("oidc")
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .scope("openid", "email", "profile")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientName(settings.providerName())
                .build();
        registration = known;
      }
      return known;
    }
  }

  /** A provider that is down is a clear message on the login page, not an error page. */
  static final class ProviderCheck extends OncePerRequestFilter {

    private final ClientRegistrationRepository registrations;
    private final Audit audit;

    ProviderCheck(ClientRegistrationRepository registrations, Audit audit) {
      this.registrations = registrations;
      this.audit = audit;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getRequestURI().startsWith("/oauth2/authorization/")) {
        try {
          registrations.findByRegistrationId("oidc");
        } catch (RuntimeException e) {
          LOG.warn("The single sign-on provider cannot be reached: {}", e.getMessage());
          audit.record(
              "sso.failed",
              null,
              null,
              null,
              "provider unreachable: " + e.getClass().getSimpleName());
          response.sendRedirect(FAILED + "?reason=unavailable");
          return;
        }
      }
      chain.doFilter(request, response);
    }
  }
}
