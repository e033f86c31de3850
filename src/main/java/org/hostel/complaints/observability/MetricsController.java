package org.hostel.complaints.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.AddressRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /metrics} in the Prometheus text format: everything Micrometer holds, followed by the
 * {@link ScrapedGauge} families the Prometheus client would refuse to name. Readable from the
 * allowed addresses when not proxied, or from anywhere with the metrics token.
 */
@RestController
class MetricsController {

  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger log = LoggerFactory.getLogger(MetricsController.class);

  private final PrometheusMeterRegistry registry;
  private final List<ScrapedGauge> gauges;
  private final List<AddressRange> allowed;
  private final byte[] token;
  private final ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor();

  MetricsController(
      PrometheusMeterRegistry registry, List<ScrapedGauge> gauges, ObservabilitySettings settings) {
    this.registry = registry;
    this.gauges = gauges;
    this.allowed = AddressRange.parseAll(settings.metricsAllowedAddresses());
    this.token = settings.metricsToken().trim().getBytes(StandardCharsets.UTF_8);
  }

  @Operation(
      summary = "Prometheus metrics",
      description =
          "Text exposition format; readable from the configured addresses or with the metrics token.")
  @SecurityRequirements
  @GetMapping("/metrics")
  ResponseEntity<String> metrics(HttpServletRequest request) {
    if (!allowed(request)) {
      throw AccessDenied.because(
          "Metrics are readable from the configured addresses or with the metrics token");
    }
    StringBuilder text = new StringBuilder(registry.scrape());
    for (ScrapedGauge gauge : gauges) {
      Map<String, ? extends Number> values;
      try {
        values = CompletableFuture.supplyAsync(gauge::read, reader).get(1, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // A scrape must stay fast when the pool is exhausted; Prometheus copes with a gap.
        log.warn("Skipped {} in this scrape: {}", gauge.name(), e.toString());
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      append(text, gauge, values);
    }
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, TEXT_FORMAT).body(text.toString());
  }

  private boolean allowed(HttpServletRequest request) {
    if (token.length > 0) {
      String header = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (header != null
          && header.regionMatches(true, 0, "Bearer ", 0, 7)
          && MessageDigest.isEqual(
              token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
        return true;
      }
    }
    // Behind a reverse proxy every client looks local; a proxied request needs the token.
    boolean proxied =
        request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null;
    return !proxied && AddressRange.anyContains(allowed, request.getRemoteAddr());
  }

  static void append(StringBuilder text, ScrapedGauge gauge, Map<String, ? extends Number> values) {
    text.append("# HELP ")
        .append(gauge.name())
        .append(' ')
        .append(gauge.help().replace("\\", "\\\\").replace("\n", "\\n"))
        .append('\n');
    text.append("# TYPE ").append(gauge.name()).append(" gauge\n");
    values.forEach(
        (label, value) ->
            text.append(gauge.name())
                .append('{')
                .append(gauge.label())
                .append("=\"")
                .append(label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                .append("\"} ")
                .append(value.doubleValue())
                .append('\n'));
  }
}
