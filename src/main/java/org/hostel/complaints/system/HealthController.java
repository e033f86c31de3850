package org.hostel.complaints.system;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness and readiness for people, load balancers and load tests. */
@RestController
class HealthController {

  private final JdbcClient jdbc;
  private final MeterRegistry meters;
  private final Clock clock;

  HealthController(JdbcClient jdbc, MeterRegistry meters, Clock clock) {
    this.jdbc = jdbc;
    this.meters = meters;
    this.clock = clock;
  }

  record HealthResponse(
      String status, Instant timestamp, long websocketConnections, Map<String, Check> checks) {}

  record Check(String status, String detail) {}

  @GetMapping("/health")
  ResponseEntity<HealthResponse> health() {
    Map<String, Check> checks = new LinkedHashMap<>();
    checks.put("database", database());
    boolean healthy = checks.values().stream().allMatch(c -> c.status().equals("up"));
    var body =
        new HealthResponse(
            healthy ? "healthy" : "unhealthy", clock.instant(), websocketConnections(), checks);
    return healthy
        ? ResponseEntity.ok(body)
        : ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5").body(body);
  }

  @GetMapping("/health/live")
  Map<String, String> live() {
    return Map.of("status", "up");
  }

  @GetMapping("/health/ready")
  ResponseEntity<Map<String, Object>> ready() {
    Check database = database();
    boolean up = database.status().equals("up");
    Map<String, Object> body = Map.of("status", up ? "up" : "down", "database", database);
    return up
        ? ResponseEntity.ok(body)
        : ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5").body(body);
  }

  private Check database() {
    try {
      jdbc.sql("SELECT 1").query(Integer.class).single();
      return new Check("up", "reachable");
    } catch (RuntimeException e) {
      return new Check("down", "database unreachable");
    }
  }

  private long websocketConnections() {
    return Math.round(
        meters.find("websocket_connections_active").gauges().stream()
            .mapToDouble(g -> g.value())
            .sum());
  }
}
