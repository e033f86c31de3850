package org.hostel.complaints.realtime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.Map;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Socket figures of this instance (each instance answers for its own sockets). */
@RestController
class WebSocketController {

  private final DashboardSessions sessions;
  private final Fanout fanout;

  WebSocketController(DashboardSessions sessions, Fanout fanout) {
    this.sessions = sessions;
    this.fanout = fanout;
  }

  @Schema(name = "SocketStatsResponse")
  record StatsResponse(int totalConnections, Map<String, Integer> connectionsByRole) {}

  /**
   * @param status {@code healthy}, {@code full} (at the connection cap: new sockets get 1013) or
   *     {@code stopping}
   * @param fanout {@code in-process} or {@code redis}
   */
  @Schema(name = "SocketHealthResponse")
  record HealthResponse(String status, int activeConnections, String fanout) {}

  @Operation(
      summary = "Dashboard socket statistics",
      description = "Open dashboard sockets on the answering instance, by role (admins).")
  @GetMapping("/api/v1/websocket/stats")
  StatsResponse stats(Caller caller) {
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins may read socket statistics");
    }
    return new StatsResponse(sessions.total(), sessions.byRole());
  }

  @Operation(
      summary = "Dashboard socket health",
      description =
          "For monitors: `healthy`, or 503 with `full` at the connection cap or `stopping` during shutdown.")
  @SecurityRequirements
  @GetMapping("/api/v1/websocket/health")
  ResponseEntity<HealthResponse> health() {
    String status = !sessions.accepting() ? "stopping" : sessions.full() ? "full" : "healthy";
    var body = new HealthResponse(status, sessions.total(), fanout.kind());
    return status.equals("healthy")
        ? ResponseEntity.ok(body)
        : ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5").body(body);
  }
}
