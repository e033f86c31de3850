package org.hostel.complaints.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses writes that ride on the session cookie without the session's CSRF token. Requests with an
 * {@code Authorization} header are left alone: a browser never adds one on its own, so bearer
 * clients such as the bot need no CSRF token. Not a bean, so that it runs only inside the security
 * chain.
 */
final class SessionCsrfFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> LOGINS =
      Set.of("/auth/session", "/auth/login", "/auth/login-json");

  private final SessionCookie cookies;
  private final JsonMapper json;

  SessionCsrfFilter(SessionCookie cookies, JsonMapper json) {
    this.cookies = cookies;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> session = SessionCookie.token(request);
    if (SAFE.contains(request.getMethod())
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || session.isEmpty()
        || isLogin(request)
        || cookies.csrfMatches(request, session.get())) {
      chain.doFilter(request, response);
      return;
    }
    Problems.write(
        response,
        json,
        AccessDenied.because(
            "This request uses the session cookie but lacks its "
                + SessionCookie.CSRF_HEADER
                + " header"));
  }

  /** Logging in replaces whatever session the browser had and needs none. */
  private static boolean isLogin(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && LOGINS.contains(path);
  }
}
