package org.hostel.complaints.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A drain before the graceful shutdown, for instances behind a proxy (docs/OPERATIONS.md, rolling
 * upgrades). For {@code COMPLAINTS_SHUTDOWN_DRAIN} (off by default) after the stop signal the
 * instance tells the proxy to take it out of rotation before it closes its port:
 *
 * <ul>
 *   <li>requests that are safe to send again (GET, HEAD, OPTIONS; readiness probes and socket
 *       handshakes too) are refused with 502 before anything runs. nginx sends each to the next
 *       instance, and counts the 502 towards {@code max_fails}, so after a couple of them it stops
 *       choosing this one. An active checker sees readiness fail the same way. 502 and not 503:
 *       load shedding answers 503 ({@link ServiceOverloaded}), and nginx must not take an
 *       overloaded instance out of rotation the way it takes a stopping one, or when every instance
 *       sheds at once it has none left ("no live upstreams"). The service answers 502 for nothing
 *       else, so the proxy tells the two apart by status alone.
 *   <li>writes are served as usual, because nginx never sends a POST or PATCH again once it reached
 *       an instance; every answer carries {@code Connection: close}, so the proxy keeps no idle
 *       connection to an instance about to close them.
 * </ul>
 *
 * <p>Only once nginx has stopped sending it requests does the port close. Closing it while nginx
 * still connects resets the connections waiting in the accept queue, and a POST already written to
 * one of them is answered 502: what the rolling-upgrade test saw with a drain that only closed
 * connections.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShutdownDrain extends OncePerRequestFilter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);
  private static final Set<String> RESENDABLE = Set.of("GET", "HEAD", "OPTIONS");
  // The process itself, asked directly rather than through the proxy: a scrape and a liveness
  // probe keep their answers until the port closes.
  private static final Set<String> OWN = Set.of("/metrics", "/health/live");

  private final Duration drain;
  private final JsonMapper json;
  private volatile boolean running;
  private volatile boolean draining;

  ShutdownDrain(@Value("${complaints.shutdown-drain:0s}") Duration drain, JsonMapper json) {
    this.drain = drain;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !draining;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(HttpHeaders.CONNECTION, "close");
    if (RESENDABLE.contains(request.getMethod()) && !OWN.contains(request.getRequestURI())) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      Problems.write(
          response,
          json,
          Problems.of(
              HttpStatus.BAD_GATEWAY,
              "shutting-down",
              "Instance shutting down",
              "This instance is stopping; another one answers this request"));
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (drain.isZero() || drain.isNegative()) {
      return;
    }
    draining = true;
    log.info("Draining for {} before the graceful shutdown", drain);
    try {
      Thread.sleep(drain.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) begins. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 512;
  }
}
