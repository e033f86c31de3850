package org.hostel.complaints.observability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liveness and readiness for people, load balancers and load tests. Readiness runs every {@link
 * DependencyCheck} (the database always, Redis when configured, photo storage when that feature
 * contributes one) in parallel, each bounded in time so a hung dependency cannot hang the probe.
 */
@RestController
class HealthController {

  private static final Logger log = LoggerFactory.getLogger(HealthController.class);

  private final List<DependencyCheck> checks;
  private final List<OpenConnections> connections;
  private final Clock clock;
  private final long timeoutMillis;
  private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Boolean> lastUp = new ConcurrentHashMap<>();

  HealthController(
      JdbcClient jdbc,
      List<DependencyCheck> contributed,
      List<OpenConnections> connections,
      Clock clock,
      ObservabilitySettings settings) {
    List<DependencyCheck> all = new ArrayList<>();
    all.add(new Database(jdbc));
    all.addAll(contributed);
    this.checks = List.copyOf(all);
    this.connections = List.copyOf(connections);
    this.clock = clock;
    this.timeoutMillis = settings.healthTimeout().toMillis();
  }

  record HealthResponse(
      String status, Instant timestamp, long websocketConnections, Map<String, Check> checks) {}

  record ReadyResponse(String status, Map<String, Check> checks) {}

  /** {@code up}; {@code down} (fails readiness); {@code degraded} (informs only). */
  record Check(String status, String detail) {
    boolean failsReadiness() {
      return status.equals("down");
    }
  }

  @Operation(
      summary = "Health",
      description =
          "Every dependency check with its status; 503 when one that readiness needs is down.")
  @SecurityRequirements
  @GetMapping("/health")
  ResponseEntity<HealthResponse> health() {
    Map<String, Check> results = runAll();
    boolean healthy = results.values().stream().noneMatch(Check::failsReadiness);
    var body =
        new HealthResponse(
            healthy ? "healthy" : "unhealthy", clock.instant(), openConnections(), results);
    return healthy ? ResponseEntity.ok(body) : unavailable(body);
  }

  private long openConnections() {
    return connections.stream().mapToLong(OpenConnections::count).sum();
  }

  @Operation(summary = "Liveness", description = "`up` while the process answers.")
  @SecurityRequirements
  @GetMapping("/health/live")
  Map<String, String> live() {
    return Map.of("status", "up");
  }

  @Operation(
      summary = "Readiness",
      description = "`up` when the instance can serve; 503 with `Retry-After` otherwise.")
  @SecurityRequirements
  @GetMapping("/health/ready")
  ResponseEntity<ReadyResponse> ready() {
    Map<String, Check> results = runAll();
    boolean up = results.values().stream().noneMatch(Check::failsReadiness);
    var body = new ReadyResponse(up ? "up" : "down", results);
    return up ? ResponseEntity.ok(body) : unavailable(body);
  }

  private static <T> ResponseEntity<T> unavailable(T body) {
    return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5").body(body);
  }

  private Map<String, Check> runAll() {
    Map<DependencyCheck, CompletableFuture<Check>> running = new LinkedHashMap<>();
    Map<String, String> context = MDC.getCopyOfContextMap();
    for (DependencyCheck check : checks) {
      running.put(
          check,
          CompletableFuture.supplyAsync(
              () -> {
                // Lines logged by a check belong to the request that ran it.
                if (context != null) {
                  MDC.setContextMap(context);
                }
                try {
                  return run(check);
                } finally {
                  MDC.clear();
                }
              },
              runner));
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    Map<String, Check> results = new LinkedHashMap<>();
    running.forEach(
        (check, future) -> {
          Check result;
          try {
            long left = Math.max(0, deadline - System.nanoTime());
            result = future.get(left, TimeUnit.NANOSECONDS);
          } catch (Exception e) {
            future.cancel(true);
            result = failed(check, "no answer within " + timeoutMillis + " ms");
            note(check.name(), false, "timed out");
          }
          results.put(check.name(), result);
        });
    return results;
  }

  private Check run(DependencyCheck check) {
    try {
      check.check();
      note(check.name(), true, "");
      return new Check("up", "reachable");
    } catch (Exception e) {
      note(check.name(), false, String.valueOf(e.getMessage()));
      return failed(check, "unreachable");
    }
  }

  private static Check failed(DependencyCheck check, String detail) {
    return check.required()
        ? new Check("down", detail)
        : new Check("degraded", "not working; readiness unaffected");
  }

  /** Logs changes of state only, so a dependency that stays down does not flood the log. */
  private void note(String name, boolean up, String why) {
    Boolean before = lastUp.put(name, up);
    if (before == null || before != up) {
      if (up) {
        log.info("Readiness check {} is up", name);
      } else {
        log.warn("Readiness check {} is down: {}", name, why);
      }
    }
  }

  private record Database(JdbcClient jdbc) implements DependencyCheck {
    @Override
    public String name() {
      return "database";
    }

    @Override
    public void check() {
      jdbc.sql("SELECT 1").query(Integer.class).single();
    }
  }
}
