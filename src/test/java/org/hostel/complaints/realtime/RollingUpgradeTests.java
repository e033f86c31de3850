package org.hostel.complaints.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.ServiceProcess;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A rolling upgrade (docs/OPERATIONS.md, expand/contract): three instances behind the shipped nginx
 * site on PostgreSQL and Redis serve the load test's normal scenario (Locust, 50 users) while each
 * in turn is stopped (SIGTERM: the drain, then the graceful shutdown) and replaced on its port by a
 * "new build" that carries one more migration (a nullable column). Not one request fails, and a
 * dashboard socket held through nginx is closed with 1001 as its instance stops, reconnects, and
 * hears an event after the upgrade.
 */
@Tag("nginx")
@Tag("multi-jvm")
@Tag("rolling-upgrade")
class RollingUpgradeTests {

  private static final String METRICS_TOKEN = "rolling-upgrade-metrics-" + UUID.randomUUID();

  @Test
  void eachInstanceIsReplacedByANewBuildWithoutASingleFailedRequest() throws Exception {
    PostgresDatabase database = PostgresDatabase.create();
    Map<String, String> shared =
        Map.ofEntries(
            Map.entry("complaints.rate-limit.trusted-proxies", "127.0.0.1/32"),
            Map.entry("spring.datasource.url", database.url()),
            Map.entry("spring.datasource.username", PostgresDatabase.USER),
            Map.entry("spring.datasource.password", ""),
            Map.entry("spring.datasource.hikari.maximum-pool-size", "4"),
            Map.entry("spring.data.redis.url", "redis://127.0.0.1:6379"),
            Map.entry("complaints.realtime.redis-channel", "complaints-test:" + UUID.randomUUID()),
            Map.entry("complaints.rate-limit.enabled", "false"),
            Map.entry("complaints.shutdown-drain", "5s"),
            Map.entry("complaints.observability.metrics-token", METRICS_TOKEN),
            Map.entry(
                "complaints.rate-limit.redis-key-prefix",
                "complaints-test:" + UUID.randomUUID() + ":rate:"));
    Map<String, String> newBuild = new HashMap<>(shared);
    newBuild.put(
        "spring.flyway.locations",
        "classpath:db/migration/{vendor},classpath:rolling-upgrade/{vendor}");
    List<String> jvm = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    List<Integer> ports =
        List.of(ServiceProcess.freePort(), ServiceProcess.freePort(), ServiceProcess.freePort());
    List<Instances.Instance> instances = new ArrayList<>();
    List<String> timeline = new ArrayList<>();
    Nginx nginx = null;
    LocustRun locust = null;
    ReconnectingDashboard dashboard = null;
    try {
      for (int port : ports) {
        instances.add(Instances.start(port, shared, jvm, List.of()));
        Instances.awaitReady(instances.getLast(), Duration.ofMinutes(4));
      }
      nginx = Nginx.inFrontOf(ports);
      Api api = nginx.api();
      String admin = api.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      dashboard = ReconnectingDashboard.open(nginx.base(), admin);
      locust =
          LocustRun.start(
              nginx.base(),
              "normal",
              50,
              100,
              Map.of("COMPLAINTS_OBSERVABILITY_METRICS_TOKEN", METRICS_TOKEN));
      locust.awaitRunning(Duration.ofMinutes(4));
      Thread.sleep(5000);
      for (int i = 0; i < instances.size(); i++) {
        // SIGTERM, as systemd and docker stop it: the instance drains (GETs refused with 502,
        // which nginx resends elsewhere and counts until it takes the instance out; writes
        // served with Connection: close), then shuts down gracefully.
        timeline.add(Instant.now() + " SIGTERM to " + ports.get(i));
        instances.get(i).process().destroy();
        assertThat(instances.get(i).process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        timeline.add(Instant.now() + " exited " + ports.get(i));
        Instances.Instance replacement = Instances.start(ports.get(i), newBuild, jvm, List.of());
        instances.set(i, replacement);
        Instances.awaitReady(replacement, Duration.ofMinutes(4));
        timeline.add(Instant.now() + " new build ready on " + ports.get(i));
        Thread.sleep(5000);
      }
      JsonNode run = locust.finish(Duration.ofMinutes(3));
      String context =
          "timeline:%n%s%nLocust:%n%s%nnginx error log:%n%s"
              .formatted(String.join("\n", timeline), locust.log(), nginx.errorLog());
      System.out.println("Rolling upgrade: " + run.get("requests") + " requests, " + context);
      assertThat(run.get("failures").asLong()).as("failed requests; %s", context).isZero();
      assertThat(run.get("requests").asLong()).isGreaterThan(500);
      assertThat(run.path("integrity").path("ok").asBoolean())
          .as("every acknowledged submission stored once; %s", context)
          .isTrue();
      assertThat(endpoint(run, "WS /ws/dashboard closed [1001 going away]"))
          .as("the load test's dashboards were told their instance went away; %s", context)
          .isPositive();

      assertThat(dashboard.closeCodes())
          .as("the dashboard's sockets ended as their instances stopped")
          .isNotEmpty()
          .containsOnly(1001);
      assertThat(dashboard.failedReconnects()).isEmpty();
      String complaint =
          api.post(
                  "/api/v1/complaints/submit",
                  TestSetup.SERVICE_TOKEN,
                  Fixtures.complaint(Fixtures.reporter()))
              .json()
              .get("id")
              .asString();
      dashboard.awaitEventAbout(complaint);
      try (var db = DriverManager.getConnection(database.url(), PostgresDatabase.USER, "");
          var rows =
              db.createStatement()
                  .executeQuery(
                      "SELECT count(*) FROM information_schema.columns WHERE table_name ="
                          + " 'complaints' AND column_name = 'upgrade_probe'")) {
        rows.next();
        assertThat(rows.getInt(1)).as("the new build's migration ran").isEqualTo(1);
      }
    } finally {
      if (dashboard != null) {
        dashboard.close();
      }
      if (locust != null) {
        locust.close();
      }
      if (nginx != null) {
        nginx.close();
      }
      instances.forEach(Instances.Instance::kill);
      database.drop();
    }
  }

  private static long endpoint(JsonNode run, String name) {
    for (JsonNode row : run.get("endpoints")) {
      if (row.get("endpoint").asString().equals(name)) {
        return row.get("requests").asLong();
      }
    }
    return 0;
  }
}
