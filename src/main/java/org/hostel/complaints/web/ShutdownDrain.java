package org.hostel.complaints.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A drain before the graceful shutdown, for instances behind a proxy that keeps connections alive
 * (nginx's {@code keepalive}): for {@code COMPLAINTS_SHUTDOWN_DRAIN} (off by default) after the
 * stop signal the instance keeps serving but answers every request with {@code Connection: close},
 * so the proxy holds no idle connection to it when the port closes. Without it, the proxy may send
 * a request on a connection the stopping instance is closing, and it never retries a POST there
 * (docs/OPERATIONS.md, rolling upgrades).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShutdownDrain extends OncePerRequestFilter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

  private final Duration drain;
  private volatile boolean running;
  private volatile boolean draining;

  ShutdownDrain(@Value("${complaints.shutdown-drain:0s}") Duration drain) {
    this.drain = drain;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (draining) {
      response.setHeader("Connection", "close");
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
