package org.hostel.complaints.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Counts and times every request by route template and writes its one access-log line. It runs just
 * inside the request id (so the line carries it) and before the overload and rate limits, so that
 * their refusals are counted too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AccessFilter extends OncePerRequestFilter {

  static final String UNMATCHED = "unmatched";

  /** Whatever the photo feature names its path variable. */
  private static final Pattern UPLOAD_ROUTE =
      Pattern.compile("/api/v1/complaints/\\{[^}/]+\\}/photos");

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

  /** Bucket bounds that fall exactly on every published latency target (100 ms … 2 s). */
  static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(75),
    Duration.ofMillis(100),
    Duration.ofMillis(150),
    Duration.ofMillis(200),
    Duration.ofMillis(250),
    Duration.ofMillis(300),
    Duration.ofMillis(500),
    Duration.ofMillis(750),
    Duration.ofSeconds(1),
    Duration.ofMillis(1500),
    Duration.ofSeconds(2),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private static final Logger log = LoggerFactory.getLogger("access");

  private final Meter.MeterProvider<Counter> requests;
  private final Meter.MeterProvider<Timer> durations;
  private final Meter.MeterProvider<DistributionSummary> uploads;
  private final ApplicationContext context;
  private final boolean accessLog;
  private volatile @Nullable HandlerMapping routes;

  AccessFilter(MeterRegistry meters, ApplicationContext context, ObservabilitySettings settings) {
    this.requests =
        Counter.builder("http.requests")
            .description("HTTP requests by method, route template and status")
            .withRegistry(meters);
    this.durations =
        Timer.builder("http.request.duration")
            .description("HTTP request latency by method and route template")
            .serviceLevelObjectives(BUCKETS)
            .withRegistry(meters);
    this.uploads =
        DistributionSummary.builder("photo.upload.size")
            .description("Size of photo upload requests")
            .baseUnit("bytes")
            .serviceLevelObjectives(100_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000)
            .withRegistry(meters);
    this.context = context;
    this.accessLog = settings.accessLog();
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return true;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    boolean failed = false;
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      failed = true;
      throw e;
    } finally {
      int status = failed && !response.isCommitted() ? 500 : response.getStatus();
      record(request, status, System.nanoTime() - start);
    }
  }

  private void record(HttpServletRequest request, int status, long nanos) {
    String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
    String endpoint = endpoint(request);
    requests
        .withTags("method", method, "endpoint", endpoint, "status", Integer.toString(status))
        .increment();
    durations.withTags("method", method, "endpoint", endpoint).record(nanos, TimeUnit.NANOSECONDS);
    if (method.equals("POST")
        && UPLOAD_ROUTE.matcher(endpoint).matches()
        && request.getContentLengthLong() > 0) {
      uploads.withTags("status", Integer.toString(status)).record(request.getContentLengthLong());
    }
    if (accessLog && log.isInfoEnabled()) {
      // Capability links (tracking tokens, e-mail codes) are secrets: their route is logged.
      String path =
          endpoint.contains("{token}") || endpoint.contains("{code}")
              ? endpoint
              : request.getRequestURI();
      if (path.length() > 200) {
        path = path.substring(0, 200) + "…";
      }
      long micros = nanos / 1000;
      log.atInfo()
          .addKeyValue("http_method", method)
          .addKeyValue("url_path", path)
          .addKeyValue("route", endpoint)
          .addKeyValue("status", status)
          .addKeyValue("duration_ms", micros / 1000.0)
          .addKeyValue("client_address", request.getRemoteAddr())
          .log("{} {} {} {} ms", method, path, status, micros / 1000.0);
    }
  }

  /**
   * The route template Spring MVC matched. Requests refused before MVC (401, 413, 429, 503) have
   * none yet, so the template is looked up here; anything that matches no route collapses to one
   * value so that scanners cannot grow the label set.
   */
  private String endpoint(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern == null) {
      pattern = lookUp(request);
    }
    if (pattern == null) {
      return UNMATCHED;
    }
    String template = pattern.toString();
    return template.equals("/**") || template.equals("/error") ? UNMATCHED : template;
  }

  private @Nullable Object lookUp(HttpServletRequest request) {
    HandlerMapping mapping = routes;
    if (mapping == null) {
      mapping = context.getBean("requestMappingHandlerMapping", HandlerMapping.class);
      routes = mapping;
    }
    try {
      ServletRequestPathUtils.parseAndCache(request);
      mapping.getHandler(request);
      return request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    } catch (Exception e) {
      // Wrong method or media type for the route: not worth a label of its own.
      return null;
    }
  }
}
