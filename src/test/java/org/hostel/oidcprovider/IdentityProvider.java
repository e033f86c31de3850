package org.hostel.oidcprovider;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID provider in this JVM: Spring Authorization Server on a random port (as {@code
 * localhost}, so its cookies never mix with the service's on {@code 127.0.0.1}), with one client
 * for the service and a few people whose ID tokens carry e-mail, name and groups. Outside the
 * application's packages: the application's component scan and the tests' search for a
 * configuration class must never find this one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
    excludeName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
    })
public class IdentityProvider {

  public static final String PASSWORD = "Provider-Passw0rd";

  /** The people the provider knows: e-mail, name, groups. */
  static final Map<String, List<String>> GROUPS =
      Map.of(
          "existing@uni.example", List.of("staff"),
          "newporter@uni.example", List.of("porters"),
          "newadmin@uni.example", List.of("it-admins"),
          "stranger@uni.example", List.of("students"));

  public static ConfigurableApplicationContext start() {
    String client = "spring.security.oauth2.authorizationserver.client.complaints.registration.";
    return new SpringApplicationBuilder(IdentityProvider.class)
        .properties(
            "spring.config.name=identity-provider-none",
            "server.port=0",
            "server.address=127.0.0.1",
            "spring.main.banner-mode=off",
            "management.endpoints.enabled-by-default=false",
            client + "client-id=complaints",
            client + "client-secret={noop}complaints-secret",
            client + "client-authentication-methods=client_secret_basic",
            client + "authorization-grant-types=authorization_code",
            // A loopback redirect may use any port (RFC 8252), so the service's random one works.
            client + "redirect-uris=http://127.0.0.1/login/oauth2/code/oidc",
            client + "scopes=openid,email,profile")
        .run();
  }

  public static int port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @Bean
  InMemoryUserDetailsManager people() {
    return new InMemoryUserDetailsManager(
        GROUPS.keySet().stream()
            .map(
                email ->
                    User.withUsername(email).password("{noop}" + PASSWORD).roles("USER").build())
            .toList());
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> claims() {
    return context -> {
      if ("id_token".equals(context.getTokenType().getValue())) {
        String email = context.getPrincipal().getName();
        context
            .getClaims()
            .claim("email", email)
            .claim("email_verified", true)
            .claim("name", "SSO " + email.substring(0, email.indexOf('@')))
            .claim("groups", GROUPS.getOrDefault(email, List.of()));
      }
    };
  }
}
