package org.hostel.complaints.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.hostel.complaints.protection.RateLimiter;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.staff.StaffService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Finds out who opens a dashboard socket: a caller the security filters already recognised (a
 * bearer header, or a session cookie where the dashboard sets one), else the {@code token} query
 * parameter, which browsers must use because they cannot set headers on a WebSocket. The upgrade
 * always goes ahead; a refusal is a close code on the socket, which clients can read, unlike an
 * HTTP status on a failed handshake.
 */
@Component
class DashboardHandshake implements HandshakeInterceptor {

  static final String CALLER = "dashboard.caller";

  private final StaffService staff;
  private final RateLimiter limiter;
  private final RealtimeSettings settings;

  DashboardHandshake(StaffService staff, RateLimiter limiter, RealtimeSettings settings) {
    this.staff = staff;
    this.limiter = limiter;
    this.settings = settings;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    // Before any token is checked: a flood of handshakes costs a bucket look-up each.
    String client =
        request.getRemoteAddress() == null
            ? "unknown"
            : request.getRemoteAddress().getAddress().getHostAddress();
    RateLimiter.Decision decision =
        limiter.tryAcquire("ws-handshake:ip:" + client, settings.handshakesPerClient());
    if (!decision.allowed()) {
      response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
      response
          .getHeaders()
          .set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
      return false;
    }
    caller(request).ifPresent(caller -> attributes.put(CALLER, caller));
    return true;
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      @Nullable Exception exception) {}

  private Optional<Caller> caller(ServerHttpRequest request) {
    Authentication known = SecurityContextHolder.getContext().getAuthentication();
    if (known != null && known.getPrincipal() instanceof Caller caller) {
      return Optional.of(caller);
    }
    String token =
        UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("token");
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return staff.authenticate(UriUtils.decode(token, StandardCharsets.UTF_8));
  }
}
