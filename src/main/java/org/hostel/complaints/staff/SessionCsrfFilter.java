package org.hostel.complaints.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses writes that ride on the session cookie without the session's CSRF token. Requests with a
 * bearer token are left alone: a browser never adds one on its own, so bearer clients such as the
 * bot need no CSRF token. Any other {@code Authorization} scheme next to the cookie is refused on a
 * write: browsers do send Basic and Negotiate by themselves, and such a header would otherwise let
 * the cookie through unchecked. Not a bean, so that it runs only inside the security chain.
 */
final class SessionCsrfFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /** What the bearer filter accepts; it then checks the token itself and answers 401 if bad. */
  private static final Pattern BEARER =
      Pattern.compile("^Bearer [a-zA-Z0-9-._~+/]+=*$", Pattern.CASE_INSENSITIVE);

  private static final Set<String> LOGINS =
      Set.of(
          "/auth/session",
          "/auth/login",
          "/auth/login-json",
          "/auth/session/2fa",
          "/auth/login/2fa",
          "/auth/login/2fa/enroll",
          "/auth/invitations/accept",
          "/auth/password-reset",
          "/auth/password-reset/confirm");

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
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (SAFE.contains(request.getMethod())
        || session.isEmpty()
        || isLogin(request)
        || (authorization != null && BEARER.matcher(authorization).matches())
        || (authorization == null && cookies.csrfMatches(request, session.get()))) {
      chain.doFilter(request, response);
      return;
    }
    if (authorization != null) {
      Problems.write(
          response,
          json,
          AccessDenied.because(
              "This request carries the session cookie and an Authorization header that is not"
                  + " a bearer token; send one or the other"));
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
