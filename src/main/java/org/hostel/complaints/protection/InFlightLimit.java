package org.hostel.complaints.protection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.hostel.complaints.web.Problems;
import org.hostel.complaints.web.ServiceOverloaded;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load shedding: a fixed number of requests are worked on at once and the next one is refused with
 * a 503 straight away, never queued. Queuing is what turns a burst into timeouts for everybody;
 * refusing keeps accepted requests fast, and the bound frees itself the moment load drops. Health
 * and metrics stay answerable under overload.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class InFlightLimit extends OncePerRequestFilter {

  private final Semaphore permits;
  private final int max;
  private final long retryAfterSeconds;
  private final JsonMapper json;

  InFlightLimit(OverloadSettings settings, JsonMapper json, MeterRegistry meters) {
    this.max = settings.maxInFlight();
    this.permits = new Semaphore(Math.max(0, max));
    this.retryAfterSeconds = Math.max(1, settings.retryAfter().toSeconds());
    this.json = json;
    Gauge.builder("http.requests.in.flight", permits, p -> max - p.availablePermits())
        .description("Requests being worked on now (bounded by complaints.overload.max-in-flight)")
        .register(meters);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return max <= 0
        || path.equals("/metrics")
        || path.equals("/health")
        || path.startsWith("/health/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!permits.tryAcquire()) {
      Problems.write(response, json, ServiceOverloaded.tooManyInFlight(retryAfterSeconds));
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      permits.release();
    }
  }
}
