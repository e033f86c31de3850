package org.hostel.complaints.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Browser sessions for the dashboard. Logging in sets the token as an HttpOnly cookie instead of
 * handing it to the page; the answer carries the CSRF token the page must repeat on writes. JSON
 * only, so a cross-site form cannot log a victim into someone else's account.
 */
@RestController
@RequestMapping("/auth/session")
class SessionController {

  private final StaffService staff;
  private final LoginService logins;
  private final SessionCookie cookies;
  private final Clock clock;

  SessionController(StaffService staff, LoginService logins, SessionCookie cookies, Clock clock) {
    this.staff = staff;
    this.logins = logins;
    this.cookies = cookies;
    this.clock = clock;
  }

  record SessionResponse(
      UUID id,
      String fullName,
      Role role,
      @Nullable Instant expiresAt,
      @Nullable String csrfToken,
      @Nullable List<String> recoveryCodes) {}

  @Operation(
      summary = "Log in to the dashboard",
      description =
          "Sets the staff token as the HttpOnly cookie `complaints_session` and answers who is logged in and the CSRF token that writes must repeat in `X-CSRF-Token`.")
  @SecurityRequirements
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
    return started(
        logins.login(body.username(), body.password(), request.getRemoteAddr()), request);
  }

  @Operation(
      summary = "Log in to the dashboard: second step",
      description =
          "The `mfa_token` of a dashboard login with a `code` or a `recovery_code`; sets the session cookie like a one-step login.")
  @SecurityRequirements
  @PostMapping(path = "/2fa", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> secondStep(
      @Valid @RequestBody AuthController.SecondStepRequest body, HttpServletRequest request) {
    return started(
        logins.completeSecondStep(body.mfaToken(), body.code(), body.recoveryCode()), request);
  }

  /**
   * A finished login becomes the cookie and who is logged in; a pending one is answered as it is
   * ({@code mfa_required}, {@code mfa_token}), without a cookie.
   */
  ResponseEntity<?> started(LoginResult result, HttpServletRequest request) {
    if (result.pending() || result.accessToken() == null || result.id() == null) {
      return ResponseEntity.ok(result);
    }
    UUID id = result.id();
    StaffMember member =
        staff.findActive(id).orElseThrow(() -> StaffProblems.StaffNotFound.forId(id));
    Duration lifetime = Duration.ofSeconds(result.expiresIn() == null ? 0 : result.expiresIn());
    String token = result.accessToken();
    return ResponseEntity.ok()
        .header(
            HttpHeaders.SET_COOKIE,
            SessionCookie.issue(token, lifetime, request.isSecure()).toString())
        .body(
            new SessionResponse(
                member.id(),
                member.fullName(),
                member.role(),
                clock.instant().plus(lifetime),
                cookies.csrfTokenFor(token),
                result.recoveryCodes()));
  }

  /** Who the session belongs to; the dashboard asks this after a reload. */
  @Operation(
      summary = "Current dashboard session",
      description = "Who the session belongs to, its expiry and its CSRF token.")
  @GetMapping
  SessionResponse current(Caller caller, HttpServletRequest request) {
    StaffMember member = staff.profile(caller);
    String csrf =
        request.getHeader(HttpHeaders.AUTHORIZATION) == null
            ? SessionCookie.token(request).map(cookies::csrfTokenFor).orElse(null)
            : null;
    return new SessionResponse(
        member.id(), member.fullName(), member.role(), caller.tokenExpiresAt(), csrf, null);
  }

  /**
   * Revokes the session token everywhere and clears the cookie. Always succeeds, so a page with an
   * expired session can still log out cleanly.
   */
  @Operation(
      summary = "End the dashboard session",
      description = "Revokes the session token everywhere and clears the cookie; always 204.")
  @SecurityRequirements
  @ApiResponse(responseCode = "204", description = "Logged out")
  @DeleteMapping
  ResponseEntity<Void> logout(HttpServletRequest request) {
    cookies.caller(request).ifPresent(staff::logout);
    return ResponseEntity.noContent()
        .header(HttpHeaders.SET_COOKIE, SessionCookie.cleared(request.isSecure()).toString())
        .build();
  }
}
