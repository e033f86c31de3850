package org.hostel.complaints.staff;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * The dashboard's session: the same staff token as {@code /auth/login} answers, kept in an
 * HttpOnly, SameSite=Strict cookie so that no page script can read it. Writes authenticated by this
 * cookie must carry the matching CSRF token in {@value #CSRF_HEADER}; bearer clients never need
 * one.
 */
@Component
public class SessionCookie {

  /** Name of the cookie that holds the staff token. */
  public static final String NAME = "complaints_session";

  /** Header in which cookie-authenticated writes repeat their CSRF token. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private final TokenService tokens;

  SessionCookie(TokenService tokens) {
    this.tokens = tokens;
  }

  /**
   * The staff member whose valid session cookie this request carries. For the WebSocket handshake,
   * where the dashboard cannot put the token in the URL because it cannot read it; an expired,
   * revoked or deactivated session answers empty, like a missing one.
   */
  public Optional<Caller> caller(HttpServletRequest request) {
    return token(request)
        .flatMap(
            token -> {
              try {
                return Optional.of(tokens.authenticate(token)).filter(Caller::isStaff);
              } catch (AuthenticationException e) {
                return Optional.empty();
              }
            });
  }

  /** The raw session token, if the request carries the cookie. */
  static Optional<String> token(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  String csrfTokenFor(String sessionToken) {
    return tokens.csrfTokenFor(sessionToken);
  }

  /** Whether the request repeats the CSRF token that belongs to its session cookie. */
  boolean csrfMatches(HttpServletRequest request, String sessionToken) {
    String presented = request.getHeader(CSRF_HEADER);
    return presented != null
        && MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.UTF_8),
            csrfTokenFor(sessionToken).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Secure whenever the request came over HTTPS (directly or, with forward headers, via a proxy).
   */
  static ResponseCookie issue(String token, Duration lifetime, boolean secure) {
    return ResponseCookie.from(NAME, token)
        .httpOnly(true)
        .secure(secure)
        .sameSite("Strict")
        .path("/")
        .maxAge(lifetime)
        .build();
  }

  static ResponseCookie cleared(boolean secure) {
    return ResponseCookie.from(NAME, "")
        .httpOnly(true)
        .secure(secure)
        .sameSite("Strict")
        .path("/")
        .maxAge(Duration.ZERO)
        .build();
  }
}
