package org.hostel.complaints.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.ServiceProcess;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rolling upgrade (docs/OPERATIONS.md, expand/contract): three instances behind nginx on
 * PostgreSQL and Redis serve a steady load while each in turn is stopped (SIGTERM: a drain, then
 * the graceful shutdown) and replaced on its port by a "new build" that carries one more migration
 * (a nullable column); no request fails, and a dashboard socket opened through nginx afterwards
 * works.
 */
@Tag("nginx")
@Tag("multi-jvm")
@Tag("rolling-upgrade")
class RollingUpgradeTests {

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
            Map.entry("complaints.shutdown-drain", "3s"),
            Map.entry(
                "complaints.rate-limit.redis-key-prefix",
                "complaints-test:" + UUID.randomUUID() + ":rate:"));
    Map<String, String> newBuild = new java.util.HashMap<>(shared);
    newBuild.put(
        "spring.flyway.locations",
        "classpath:db/migration/{vendor},classpath:rolling-upgrade/{vendor}");
    List<String> jvm = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    List<Integer> ports =
        List.of(ServiceProcess.freePort(), ServiceProcess.freePort(), ServiceProcess.freePort());
    List<Instances.Instance> instances = new ArrayList<>();
    Nginx nginx = null;
    ExecutorService load = Executors.newFixedThreadPool(4);
    AtomicBoolean running = new AtomicBoolean(true);
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicLong requests = new AtomicLong();
    try {
      for (int port : ports) {
        instances.add(Instances.start(port, shared, jvm, List.of()));
        Instances.awaitReady(instances.getLast(), Duration.ofMinutes(3));
      }
      nginx = Nginx.inFrontOf(ports);
      Api api = nginx.api();
      String admin = api.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      for (int i = 0; i < 4; i++) {
        load.submit(() -> work(api, admin, running, requests, failures));
      }
      Thread.sleep(3000);
      for (int i = 0; i < instances.size(); i++) {
        Instances.Instance old = instances.get(i);
        // SIGTERM, as systemd stops it: the instance drains (COMPLAINTS_SHUTDOWN_DRAIN: serves
        // with Connection: close, so nginx keeps no idle connection to it), then shuts down
        // gracefully. Without the drain nginx may send a POST on a kept-alive connection the
        // stopping instance closes, and it never retries a POST (it might have been applied).
        old.process().destroy();
        assertThat(old.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        Instances.Instance replacement = Instances.start(ports.get(i), newBuild, jvm, List.of());
        instances.set(i, replacement);
        Instances.awaitReady(replacement, Duration.ofMinutes(3));
        Thread.sleep(3000);
      }
      running.set(false);
      load.shutdown();
      assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

      assertThat(failures).as("failed requests during the upgrade").isEmpty();
      assertThat(requests.get()).isGreaterThan(50);
      System.out.println("Rolling upgrade: " + requests.get() + " requests, none failed");
      try (var db =
              java.sql.DriverManager.getConnection(database.url(), PostgresDatabase.USER, "");
          var rows =
              db.createStatement()
                  .executeQuery(
                      "SELECT count(*) FROM information_schema.columns WHERE table_name ="
                          + " 'complaints' AND column_name = 'upgrade_probe'")) {
        rows.next();
        assertThat(rows.getInt(1)).as("the new build's migration ran").isEqualTo(1);
      }
      String complaint =
          api.post(
                  "/api/v1/complaints/submit",
                  TestSetup.SERVICE_TOKEN,
                  Fixtures.complaint(Fixtures.reporter()))
              .json()
              .get("id")
              .asString();
      assertThat(api.get("/api/v1/complaints/" + complaint, admin).status()).isEqualTo(200);
      try (var dashboard = DashboardClient.open(nginx.base(), admin)) {
        DashboardSocketTests.awaitReady(dashboard);
      }
    } finally {
      running.set(false);
      load.shutdownNow();
      if (nginx != null) {
        nginx.close();
      }
      instances.forEach(Instances.Instance::kill);
      database.drop();
    }
  }

  private static void work(
      Api api, String admin, AtomicBoolean running, AtomicLong requests, Queue<String> failures) {
    String reporter = Fixtures.reporter();
    while (running.get()) {
      try {
        Api.Response created =
            api.post(
                "/api/v1/complaints/submit", TestSetup.SERVICE_TOKEN, Fixtures.complaint(reporter));
        requests.incrementAndGet();
        if (created.status() != 201) {
          failures.add("submit: " + created);
          continue;
        }
        Api.Response read =
            api.get("/api/v1/complaints/" + created.json().get("id").asString(), admin);
        requests.incrementAndGet();
        if (read.status() != 200) {
          failures.add("read: " + read);
        }
      } catch (RuntimeException e) {
        failures.add("exception: " + e);
      }
    }
  }
}
