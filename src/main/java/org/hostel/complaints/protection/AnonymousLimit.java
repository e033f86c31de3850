package org.hostel.complaints.protection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hostel.complaints.web.Problems;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-address budget of calls that no known caller makes: calls without credentials, and calls
 * whose credentials failed. The rate-limit filter charges it for anonymous calls that reach it; the
 * security chain charges it itself when it refuses a call ({@code 401}), because such a call never
 * gets past the chain, and a guesser trying tokens or the service token would otherwise never be
 * slowed down. A known caller never spends it, so a guesser behind the same address as the staff
 * locks out nobody but itself.
 */
@Component
public class AnonymousLimit {

  private final RateLimiter limiter;
  private final RateLimitSettings settings;
  private final JsonMapper json;

  AnonymousLimit(RateLimiter limiter, RateLimitSettings settings, JsonMapper json) {
    this.limiter = limiter;
    this.settings = settings;
    this.json = json;
  }

  /**
   * Charges one call of the request's client address and sets the {@code RateLimit} headers.
   *
   * @return true when the call may go on; false when the budget is spent, in which case the {@code
   *     429} has been written
   */
  public boolean admit(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!applies(request)) {
      return true;
    }
    RateLimitFilter.Policy policy =
        request.getRequestURI().startsWith("/auth/")
            ? new RateLimitFilter.Policy("auth", settings.auth())
            : new RateLimitFilter.Policy("anonymous", settings.anonymous());
    return charge(policy, "ip:" + request.getRemoteAddr(), response);
  }

  boolean applies(HttpServletRequest request) {
    String path = request.getRequestURI();
    return settings.enabled()
        && !path.equals("/health")
        && !path.startsWith("/health/")
        && !path.equals("/metrics")
        && !path.startsWith("/ws/");
  }

  boolean charge(RateLimitFilter.Policy policy, String subject, HttpServletResponse response)
      throws IOException {
    RateLimiter.Decision decision =
        limiter.tryAcquire(policy.name() + ":" + subject, policy.limit());
    Limit limit = policy.limit();
    long periodSeconds = Math.max(1, limit.period().toSeconds());
    response.setHeader(
        "RateLimit-Policy",
        "\"" + policy.name() + "\";q=" + limit.capacity() + ";w=" + periodSeconds);
    long reset =
        decision.allowed()
            ? ceilDiv((limit.capacity() - decision.remaining()) * periodSeconds, limit.capacity())
            : decision.retryAfterSeconds();
    response.setHeader(
        "RateLimit", "\"" + policy.name() + "\";r=" + decision.remaining() + ";t=" + reset);
    if (!decision.allowed()) {
      Problems.write(
          response, json, TooManyRequests.retryAfter("requests", decision.retryAfterSeconds()));
      return false;
    }
    return true;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
