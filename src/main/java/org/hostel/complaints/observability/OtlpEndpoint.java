package org.hostel.complaints.observability;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the OTLP span exporter on when {@code MANAGEMENT_OTLP_TRACING_ENDPOINT} is set (e.g. {@code
 * http://collector:4318/v1/traces}), and only then: Spring Boot 4 names the setting {@code
 * management.opentelemetry.tracing.export.otlp.endpoint} and starts an exporter for any value, an
 * empty one included, so the name operators know is passed on only when it holds a value.
 */
public final class OtlpEndpoint implements EnvironmentPostProcessor {

  static final String VARIABLE = "MANAGEMENT_OTLP_TRACING_ENDPOINT";
  static final String PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String endpoint = environment.getProperty(VARIABLE, "");
    if (!endpoint.isBlank() && !environment.containsProperty(PROPERTY)) {
      environment
          .getPropertySources()
          .addLast(new MapPropertySource("otlp-endpoint", Map.of(PROPERTY, endpoint.strip())));
    }
  }
}
