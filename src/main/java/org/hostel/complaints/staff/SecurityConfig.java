package org.hostel.complaints.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.hostel.complaints.system.AccessDenied;
import org.hostel.complaints.system.NotAuthenticated;
import org.hostel.complaints.system.Problems;
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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens only: staff JWTs and the integration's service token. No sessions, no Basic, no
 * form login; every endpoint needs a caller except login, registration (checked inside), categories
 * and health.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthSettings.class)
class SecurityConfig implements WebMvcConfigurer {

  @Bean
  SecurityFilterChain api(HttpSecurity http, TokenService tokens, JsonMapper json)
      throws Exception {
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
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        HttpMethod.POST, "/auth/login", "/auth/login-json", "/auth/register")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/categories", "/health", "/health/*")
                    .permitAll()
                    // The dashboard socket checks its token itself: a refused socket must be
                    // closed with code 4001, which an HTTP 401 on the handshake cannot express.
                    .requestMatchers(HttpMethod.GET, "/ws/dashboard", "/api/v1/websocket/health")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .authenticationManagerResolver(request -> manager)
                    .authenticationEntryPoint(
                        (request, response, failure) -> unauthorized(response, json, failure))
                    .accessDeniedHandler(
                        (request, response, failure) ->
                            Problems.write(response, json, AccessDenied.because("Not allowed"))))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, failure) -> unauthorized(response, json, failure))
                    .accessDeniedHandler(
                        (request, response, failure) ->
                            Problems.write(response, json, AccessDenied.because("Not allowed"))));
    return http.build();
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
