package org.hostel.complaints.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.hostel.complaints.protection.AnonymousLimit;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.NotAuthenticated;
import org.hostel.complaints.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Nullness;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens: staff JWTs and the integration's service token, taken from the {@code
 * Authorization} header or, for the dashboard, from the HttpOnly session cookie (see {@link
 * SessionCookie}). No server sessions, no Basic, no form login; every endpoint needs a caller
 * except login, registration (checked inside), categories, health and the dashboard's static files.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthSettings.class)
class SecurityConfig implements WebMvcConfigurer {

  static {
    // The acting identity comes from the credentials, never from a request parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  /** The generated OpenAPI document and its browsable page. */
  static final String[] API_DOCS = {
    "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
  };

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      TokenService tokens,
      SessionCookie sessions,
      AnonymousLimit anonymous,
      JsonMapper json,
      AuthSettings settings)
      throws Exception {
    // A refused call (no or bad credentials) spends the address's anonymous budget, so guessing
    // tokens is slowed down like any other anonymous traffic; once spent, the answer is 429.
    AuthenticationEntryPoint refuse =
        (request, response, failure) -> {
          if (anonymous.admit(request, response)) {
            unauthorized(response, json, failure);
          }
        };
    AuthenticationProvider bearer =
        new AuthenticationProvider() {
          @Override
          public Authentication authenticate(Authentication authentication) {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            return new CallerAuthentication(tokens.authenticate(token));
          }

          @Override
          public boolean supports(Class<?> type) {
            return BearerTokenAuthenticationToken.class.isAssignableFrom(type);
          }
        };
    AuthenticationManager manager = new ProviderManager(List.of(bearer));
    http.csrf(csrf -> csrf.disable())
        .cors(cors -> cors.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .headers(
            headers ->
                headers
                    // A strict default for every answer; the dashboard page sets its own.
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; object-src 'none'; base-uri 'none';"
                                    + " frame-ancestors 'none'; form-action 'self'"))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        HttpMethod.POST,
                        "/auth/login",
                        "/auth/login-json",
                        "/auth/register",
                        "/auth/session",
                        "/auth/login/2fa",
                        "/auth/login/2fa/enroll",
                        "/auth/session/2fa",
                        "/auth/invitations/accept",
                        "/auth/password-reset",
                        "/auth/password-reset/confirm")
                    .permitAll()
                    .requestMatchers(HttpMethod.DELETE, "/auth/session")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/", "/dashboard", "/dashboard/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/auth/sso")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/categories", "/health", "/health/*")
                    .permitAll()
                    // The dashboard socket checks its token itself: a refused socket must be
                    // closed with code 4001, which an HTTP 401 on the handshake cannot express.
                    .requestMatchers(HttpMethod.GET, "/ws/dashboard", "/api/v1/websocket/health")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    // The API reference: for any caller, or for everyone when configured so.
                    .requestMatchers(HttpMethod.GET, API_DOCS)
                    .access(
                        (authentication, context) ->
                            new org.springframework.security.authorization.AuthorizationDecision(
                                settings.publicApiDocs()
                                    || authentication.get() instanceof CallerAuthentication))
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .bearerTokenResolver(new HeaderOrSessionCookie(sessions))
                    .authenticationManagerResolver(request -> manager)
                    .authenticationEntryPoint(refuse)
                    .accessDeniedHandler(
                        (request, response, failure) ->
                            Problems.write(response, json, AccessDenied.because("Not allowed"))))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(refuse)
                    .accessDeniedHandler(
                        (request, response, failure) ->
                            Problems.write(response, json, AccessDenied.because("Not allowed"))))
        .addFilterBefore(
            new SessionCsrfFilter(sessions, json), BearerTokenAuthenticationFilter.class);
    return http.build();
  }

  /**
   * The {@code Authorization} header when there is one, else the session cookie, but only where an
   * API call is made: static files and the login and logout endpoints must work with an expired
   * cookie. A WebSocket handshake gets the cookie only when it is valid (and no {@code token}
   * parameter is given), so that a stale cookie still reaches the socket, which refuses it with its
   * own close code instead of an HTTP 401.
   */
  private static final class HeaderOrSessionCookie implements BearerTokenResolver {

    private final BearerTokenResolver header = new DefaultBearerTokenResolver();
    private final SessionCookie sessions;

    HeaderOrSessionCookie(SessionCookie sessions) {
      this.sessions = sessions;
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
      String token = header.resolve(request);
      if (token != null) {
        return token;
      }
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean api =
          path.startsWith("/api/")
              || path.startsWith("/v3/api-docs")
              || path.startsWith("/swagger-ui")
              || path.equals("/auth/logout")
              || path.equals("/auth/register")
              || (path.equals("/auth/session") && "GET".equals(request.getMethod()));
      if (api) {
        return SessionCookie.token(request).orElse(null);
      }
      if (path.startsWith("/ws/")
          && request.getParameter("token") == null
          && sessions.caller(request).isPresent()) {
        return SessionCookie.token(request).orElse(null);
      }
      return null;
    }
  }

  private static void unauthorized(
      HttpServletResponse response, JsonMapper json, AuthenticationException failure)
      throws IOException {
    boolean presented =
        failure
            instanceof
            org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
    Problems.write(
        response,
        json,
        presented
            ? NotAuthenticated.because(failure.getMessage())
            : NotAuthenticated.missingCredentials());
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerResolver());
  }

  /** Hands controllers the {@link Caller}; an optional one may be null for anonymous calls. */
  private static final class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer mav,
        NativeWebRequest request,
        WebDataBinderFactory binders) {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
        return caller;
      }
      if (Nullness.forMethodParameter(parameter) == Nullness.NULLABLE) {
        return null;
      }
      throw NotAuthenticated.missingCredentials();
    }
  }
}
