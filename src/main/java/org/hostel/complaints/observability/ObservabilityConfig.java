package org.hostel.complaints.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ObservabilitySettings.class)
class ObservabilityConfig {

  private static final Path STATM = Path.of("/proc/self/statm");

  /** See {@link SlowQueryLog}; a post-processor, so it reads its setting itself. */
  @Bean
  static SlowQueryLog slowQueryLog(
      Environment environment,
      ObjectProvider<MeterRegistry> registry,
      ObjectProvider<ObservationRegistry> observations) {
    Duration threshold =
        environment.getProperty(
            "complaints.observability.slow-query-threshold",
            Duration.class,
            Duration.ofMillis(200));
    return new SlowQueryLog(threshold, registry, observations);
  }

  /** See {@link AfterCommitSpans}; a listener factory, so it is made early and looks up lazily. */
  @Bean
  static AfterCommitSpans afterCommitSpans(
      ObjectProvider<ObservationRegistry> observations, ObjectProvider<Tracer> tracers) {
    return new AfterCommitSpans(observations, tracers);
  }

  /** Before Boot's default tracing handler, which would take every context (see the class). */
  @Bean
  @Order(500)
  LinkedSpans linkedSpans(ObjectProvider<Tracer> tracer) {
    return new LinkedSpans(tracer.getIfAvailable(() -> Tracer.NOOP));
  }

  /**
   * {@code /metrics} is guarded by {@link MetricsController} (addresses or its own token), not by
   * staff tokens, so it gets a chain of its own that does not try to read the bearer token as a
   * staff JWT.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain metricsEndpoint(HttpSecurity http) throws Exception {
    return http.securityMatcher("/metrics")
        .csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .build();
  }

  /**
   * Resident memory, which the guide asks to watch and the JVM binders do not report; read from
   * Linux's {@code /proc}, absent elsewhere.
   */
  @Bean
  MeterBinder residentMemory() {
    return registry -> {
      if (Files.isReadable(STATM)) {
        Gauge.builder("process.resident.memory", ObservabilityConfig::residentBytes)
            .description("Resident set size of this process")
            .baseUnit("bytes")
            .register(registry);
      }
    };
  }

  private static double residentBytes() {
    try {
      String[] fields = Files.readString(STATM).trim().split("\\s+");
      return Double.parseDouble(fields[1]) * 4096;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
