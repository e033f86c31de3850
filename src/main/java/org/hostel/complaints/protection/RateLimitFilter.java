package org.hostel.complaints.protection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One token bucket per request, chosen by who is calling: staff member, integration, or (without
 * credentials) the client address; stricter buckets for anonymous {@code /auth/*} and for photo
 * uploads. Runs after Spring Security so the caller is known; calls the security chain refuses are
 * charged by the chain itself ({@link AnonymousLimit}). Every answer carries {@code
 * RateLimit-Policy} and {@code RateLimit}; a refusal is a 429 with {@code Retry-After}. Health,
 * metrics and the dashboard socket are not limited here (the socket has its own per-instance cap).
 */
@Component
@Order(-90)
class RateLimitFilter extends OncePerRequestFilter {

  private static final Pattern UPLOAD =
      Pattern.compile("/api/v1/complaints/[^/]+/photos(/presign|/confirm)?/?");

  private final AnonymousLimit budget;
  private final RateLimitSettings settings;

  RateLimitFilter(AnonymousLimit budget, RateLimitSettings settings) {
    this.budget = budget;
    this.settings = settings;
  }

  record Policy(String name, Limit limit) {}

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !budget.applies(request);
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
    if (!known) {
      if (budget.admit(request, response)) {
        chain.doFilter(request, response);
      }
      return;
    }
    boolean integration =
        caller.getAuthorities().stream().anyMatch(a -> "ROLE_INTEGRATION".equals(a.getAuthority()));
    String subject = integration ? "integration" : "staff:" + caller.getName();
    Policy policy;
    if ("POST".equals(request.getMethod()) && UPLOAD.matcher(request.getRequestURI()).matches()) {
      policy = new Policy("uploads", settings.uploads());
    } else {
      policy =
          integration
              ? new Policy("integration", settings.integration())
              : new Policy("staff", settings.staff());
    }
    if (budget.charge(policy, subject, response)) {
      chain.doFilter(request, response);
    }
  }
}
