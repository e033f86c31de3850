package org.hostel.complaints.protection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.hostel.complaints.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One token bucket per request, chosen by who is calling: staff member, integration, or (without
 * credentials) the client address; stricter buckets for anonymous {@code /auth/*} and for photo
 * uploads. Runs after Spring Security so the caller is known. Every answer carries {@code
 * RateLimit-Policy} and {@code RateLimit}; a refusal is a 429 with {@code Retry-After}. Health,
 * metrics and the dashboard socket are not limited here (the socket has its own per-instance cap).
 */
@Component
@Order(-90)
class RateLimitFilter extends OncePerRequestFilter {

  private static final Pattern UPLOAD =
      Pattern.compile("/api/v1/complaints/[^/]+/photos(/presign|/confirm)?/?");

  private final RateLimiter limiter;
  private final RateLimitSettings settings;
  private final JsonMapper json;

  RateLimitFilter(RateLimiter limiter, RateLimitSettings settings, JsonMapper json) {
    this.limiter = limiter;
    this.settings = settings;
    this.json = json;
  }

  record Policy(String name, Limit limit) {}

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !settings.enabled()
        || path.equals("/health")
        || path.startsWith("/health/")
        || path.equals("/metrics")
        || path.startsWith("/ws/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    boolean known =
        caller != null
            && caller.isAuthenticated()
            && !(caller instanceof AnonymousAuthenticationToken);
    Policy policy;
    String subject;
    if (!known) {
      subject = "ip:" + request.getRemoteAddr();
      policy =
          request.getRequestURI().startsWith("/auth/")
              ? new Policy("auth", settings.auth())
              : new Policy("anonymous", settings.anonymous());
    } else {
      boolean integration =
          caller.getAuthorities().stream()
              .anyMatch(a -> "ROLE_INTEGRATION".equals(a.getAuthority()));
      subject = integration ? "integration" : "staff:" + caller.getName();
      if ("POST".equals(request.getMethod()) && UPLOAD.matcher(request.getRequestURI()).matches()) {
        policy = new Policy("uploads", settings.uploads());
      } else {
        policy =
            integration
                ? new Policy("integration", settings.integration())
                : new Policy("staff", settings.staff());
      }
    }
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
      return;
    }
    chain.doFilter(request, response);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
