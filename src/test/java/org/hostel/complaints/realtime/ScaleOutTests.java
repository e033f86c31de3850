package org.hostel.complaints.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Three instances behind Debian's nginx, sharing one PostgreSQL database and one Redis, behave as
 * one system. The instances are separate JVMs; the last test kills one of them.
 */
@Tag("nginx")
@Tag("multi-jvm")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTests {

  final List<Instances.Instance> instances = new ArrayList<>();
  PostgresDatabase database;
  Nginx nginx;
  Fixtures fixtures;

  @BeforeAll
  void start() {
    database = PostgresDatabase.create();
    Map<String, String> shared =
        Map.ofEntries(
            Map.entry("complaints.rate-limit.trusted-proxies", "127.0.0.1/32"),
            Map.entry("complaints.observability.access-log", "true"),
            Map.entry("spring.datasource.url", database.url()),
            Map.entry("spring.datasource.username", PostgresDatabase.USER),
            Map.entry("spring.datasource.password", ""),
            Map.entry("spring.datasource.hikari.maximum-pool-size", "5"),
            Map.entry("spring.data.redis.url", "redis://127.0.0.1:6379"),
            Map.entry("complaints.realtime.redis-channel", "complaints-test:" + UUID.randomUUID()),
            Map.entry("complaints.rate-limit.anonymous", "30/1m"),
            // The integrity check counts every acknowledged write, which may pass the default cap.
            Map.entry("complaints.list.count-cap", "1000000"),
            Map.entry(
                "complaints.rate-limit.redis-key-prefix",
                "complaints-test:" + UUID.randomUUID() + ":rate:"));
    List<String> jvm = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    // The first one alone: it migrates the schema and creates the first admin.
    Instances.Instance first = Instances.start(shared, jvm);
    instances.add(first);
    Instances.awaitReady(first, Duration.ofMinutes(3));
    instances.add(Instances.start(shared, jvm));
    instances.add(Instances.start(shared, jvm));
    instances.forEach(i -> Instances.awaitReady(i, Duration.ofMinutes(3)));
    nginx = Nginx.inFrontOf(instances.stream().map(Instances.Instance::port).toList());
    fixtures = new Fixtures(nginx.api());
  }

  @AfterAll
  void stop() {
    if (nginx != null) {
      nginx.close();
    }
    instances.forEach(Instances.Instance::kill);
    if (database != null) {
      database.drop();
    }
  }

  @Test
  @Order(1)
  void aDashboardOnInstanceOneHearsAWriteMadeThroughInstanceThree() {
    try (var dashboard = DashboardClient.open(instances.get(0).base(), fixtures.adminToken())) {
      DashboardSocketTests.awaitReady(dashboard);
      var created =
          instances
              .get(2)
              .api()
              .post(
                  "/api/v1/complaints/submit",
                  TestSetup.SERVICE_TOKEN,
                  Fixtures.complaint(Fixtures.reporter()));
      assertThat(created.status()).isEqualTo(201);

      JsonNode event = dashboard.nextEvent();
      assertThat(event.get("event_type").asString()).isEqualTo("new_complaint");
      assertThat(event.get("data").get("id").asString())
          .isEqualTo(created.json().get("id").asString());
    }
  }

  @Test
  @Order(2)
  void aLogoutThroughOneInstanceIsRefusedByTheOthers() {
    var porter = fixtures.porter();
    for (var instance : instances) {
      assertThat(instance.api().get("/api/v1/profile/me", porter.token()).status()).isEqualTo(200);
    }
    var openBefore = DashboardClient.open(instances.get(0).base(), porter.token());
    DashboardSocketTests.awaitReady(openBefore);
    assertThat(
            instances
                .get(1)
                .api()
                .call("POST", "/auth/logout")
                .token(porter.token())
                .send()
                .status())
        .isEqualTo(204);
    for (var instance : instances) {
      assertThat(instance.api().get("/api/v1/profile/me", porter.token()).status()).isEqualTo(401);
    }
    try (var dashboard = DashboardClient.open(instances.get(2).base(), porter.token())) {
      assertThat(dashboard.closeCode()).isEqualTo(4001);
    }
    try (openBefore) {
      assertThat(openBefore.closeCode()).as("socket opened before the logout").isEqualTo(4001);
    }
  }

  @Test
  @Order(3)
  void everyInstanceReportsTheSameActiveComplaintsOnMetrics() {
    String id = fixtures.submit().get("id").asString();
    fixtures.move(id, "in_progress");
    fixtures.submit();
    Set<String> scrapes = new java.util.HashSet<>();
    for (var instance : instances) {
      var scrape = instance.api().get("/metrics", null);
      assertThat(scrape.status()).isEqualTo(200);
      List<String> lines =
          scrape
              .body()
              .lines()
              .filter(l -> l.startsWith("active_complaints_total{"))
              .sorted()
              .toList();
      assertThat(lines).hasSize(org.hostel.complaints.complaint.Status.values().length);
      assertThat(lines).anyMatch(l -> l.contains("status=\"in_progress\"") && !l.endsWith(" 0.0"));
      scrapes.add(String.join("\n", lines));
    }
    assertThat(scrapes).as("active_complaints_total across the three instances").hasSize(1);
  }

  @Test
  @Order(2)
  void throughNginxTheServiceSeesTheRealClientAndHostWhateverTheClientForges() throws Exception {
    String requestId = "forged-" + UUID.randomUUID();
    String complaint = fixtures.submit().get("id").asString();
    var photo =
        org.hostel.complaints.testing.Multipart.file(
            "tap.jpg", "image/jpeg", org.hostel.complaints.photo.TestImages.jpeg(64, 48));
    Api.Response uploaded =
        nginx
            .api()
            .call("POST", "/api/v1/complaints/" + complaint + "/photos")
            .token(TestSetup.SERVICE_TOKEN)
            .header("X-Request-Id", requestId)
            .header("X-Forwarded-For", "6.6.6.6")
            .header("X-Real-IP", "6.6.6.6")
            .header("Forwarded", "for=6.6.6.6;host=evil.example;proto=https")
            .header("X-Forwarded-Host", "evil.example")
            .header("X-Forwarded-Proto", "https")
            .bytes(photo.contentType(), photo.bytes())
            .send();
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);

    // Links are made from the Host the instance saw: the one the client used, port included.
    String photoPath =
        "/api/v1/complaints/" + complaint + "/photos/" + uploaded.json().get("id").asString();
    JsonNode ready =
        Eventually.poll(
            "the photo is processed",
            java.time.Duration.ofSeconds(30),
            () -> nginx.api().get(photoPath, TestSetup.SERVICE_TOKEN).json(),
            shown -> shown.hasNonNull("file_url"));
    assertThat(ready.get("file_url").asString()).startsWith(nginx.base() + "/");
    String line =
        instances.stream()
            .flatMap(i -> lines(i).stream())
            .filter(l -> l.contains(requestId) && l.contains("\"access\""))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no access line for " + requestId));
    JsonNode access = Api.JSON.readTree(line);
    assertThat(access.get("client_address").asString()).isEqualTo("127.0.0.1");
  }

  private static List<String> lines(Instances.Instance instance) {
    try {
      return java.nio.file.Files.readAllLines(instance.log());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @Order(3)
  void aClientCannotMultiplyItsRateLimitByTheNumberOfInstances() {
    int allowed = 0;
    int refused = 0;
    // An address of its own (the test connects from 127.0.0.1, a trusted proxy here): the refused
    // logins and logouts of earlier tests spent part of 127.0.0.1's anonymous budget.
    String client = "198.51.100." + (1 + new java.util.Random().nextInt(250));
    for (int i = 0; i < 45; i++) {
      var response =
          instances
              .get(i % 3)
              .api()
              .call("GET", "/api/v1/categories")
              .header("X-Forwarded-For", client)
              .send();
      if (response.status() == 200) {
        allowed++;
      } else {
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isPresent();
        refused++;
      }
    }
    // 30 per minute for the address, shared: per-instance buckets would have allowed all 45.
    assertThat(allowed).isBetween(30, 33);
    assertThat(refused).isEqualTo(45 - allowed);
  }

  @Test
  @Order(4)
  void whenAnInstanceDiesUnderLoadNginxMovesTrafficSocketsReconnectAndNoAcknowledgedWriteIsLost()
      throws Exception {
    Instances.Instance victim = instances.get(1);
    List<DashboardClient> dashboards = new ArrayList<>();
    try {
      // Through nginx until the victim holds at least one of them.
      while (dashboards.size() < 30 && (dashboards.size() < 6 || socketsOn(victim) == 0)) {
        var dashboard = DashboardClient.open(nginx.base(), fixtures.adminToken());
        DashboardSocketTests.awaitReady(dashboard);
        dashboards.add(dashboard);
      }
      assertThat(socketsOn(victim)).isPositive();

      String reporter = Fixtures.reporter();
      Api api = nginx.api();
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicInteger attempts = new AtomicInteger();
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicBoolean killed = new AtomicBoolean();
      AtomicInteger acknowledgedAfterKill = new AtomicInteger();
      ExecutorService writers = Executors.newFixedThreadPool(4);
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        work.add(
            writers.submit(
                () -> {
                  while (running.get()) {
                    String key = UUID.randomUUID().toString();
                    // A client retries with the same key until the write is acknowledged.
                    for (int attempt = 0; attempt < 20; attempt++) {
                      attempts.incrementAndGet();
                      try {
                        var response =
                            api.call("POST", "/api/v1/complaints/submit")
                                .token(TestSetup.SERVICE_TOKEN)
                                .header("Idempotency-Key", key)
                                .json(Fixtures.complaint(reporter))
                                .send();
                        if (response.status() == 201) {
                          acknowledged.add(response.json().get("id").asString());
                          if (killed.get()) {
                            acknowledgedAfterKill.incrementAndGet();
                          }
                          break;
                        }
                      } catch (RuntimeException refused) {
                        // Connection trouble: not acknowledged, so try again.
                      }
                    }
                  }
                  return null;
                }));
      }
      Thread.sleep(1_500);
      victim.kill();
      killed.set(true);
      Thread.sleep(3_000);
      running.set(false);
      for (Future<?> f : work) {
        f.get();
      }
      writers.shutdown();

      // Every acknowledged write is there, exactly once, read back through the survivors.
      var listed =
          api.get(
              "/api/v1/complaints?page_size=1&telegram_user_id=" + reporter, fixtures.adminToken());
      assertThat(listed.json().get("total").asLong()).isEqualTo(acknowledged.size());
      assertThat(acknowledgedAfterKill.get()).as("writes served after the kill").isGreaterThan(10);
      for (String id : acknowledged) {
        assertThat(api.get("/api/v1/complaints/" + id, fixtures.adminToken()).status())
            .isEqualTo(200);
      }

      // Sockets on the dead instance are gone; reconnecting through nginx lands on a live one.
      List<DashboardClient> live = new ArrayList<>();
      int reconnected = 0;
      for (var dashboard : dashboards) {
        try {
          dashboard.send("ping");
          if (dashboard.next().equals("pong")) {
            live.add(dashboard);
            continue;
          }
        } catch (RuntimeException | AssertionError dead) {
          // Lost with its instance.
        }
        var again = DashboardClient.open(nginx.base(), fixtures.adminToken());
        DashboardSocketTests.awaitReady(again);
        live.add(again);
        reconnected++;
      }
      assertThat(reconnected).isPositive();
      String next = fixtures.submit().get("id").asString();
      for (var dashboard : live) {
        JsonNode event = dashboard.nextEvent();
        while (!event.get("data").path("id").asString().equals(next)) {
          event = dashboard.nextEvent();
        }
      }
      dashboards.addAll(live);
    } finally {
      dashboards.forEach(DashboardClient::close);
    }
  }

  private int socketsOn(Instances.Instance instance) {
    return instance
        .api()
        .get("/api/v1/websocket/stats", fixtures.adminToken())
        .json()
        .get("total_connections")
        .asInt();
  }
}
