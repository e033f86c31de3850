package org.hostel.complaints.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Settings of its own: the context is never reused, so it is closed (and its pool freed).
@EmbeddedContext
class MetricsTests {

  Api api;
  Fixtures fixtures;

  @BeforeEach
  void setUp(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
  }

  Scrape scrape() {
    Api.Response response = api.get("/metrics", null);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type").orElseThrow()).startsWith("text/plain");
    return Scrape.parse(response.body());
  }

  @Test
  void theScrapeServesTheFourContractFamiliesUnderTheirExactNamesAndLabels() {
    fixtures.submit();
    api.get("/api/v1/categories", null);
    Scrape scrape = scrape();

    assertThat(scrape.types())
        .containsEntry("http_requests_total", "counter")
        .containsEntry("http_request_duration_seconds", "histogram")
        .containsEntry("active_complaints_total", "gauge")
        .containsEntry("websocket_connections_active", "gauge");
    assertThat(scrape.labelSets("http_requests_total"))
        .containsExactly(Set.of("method", "endpoint", "status"));
    assertThat(scrape.labelSets("http_request_duration_seconds_bucket"))
        .containsExactly(Set.of("method", "endpoint", "le"));
    assertThat(scrape.labelSets("http_request_duration_seconds_count"))
        .containsExactly(Set.of("method", "endpoint"));
    assertThat(scrape.labelSets("active_complaints_total")).containsExactly(Set.of("status"));
    assertThat(scrape.labelSets("websocket_connections_active")).containsExactly(Set.of("role"));
    assertThat(scrape.named("active_complaints_total"))
        .extracting(s -> s.labels().get("status"))
        .containsExactlyInAnyOrder("reported", "in_progress", "on_hold", "resolved", "closed");
    assertThat(scrape.named("websocket_connections_active"))
        .extracting(s -> s.labels().get("role"))
        .contains("admin", "porter");
  }

  @Test
  void slaFiguresAreOnTheScrapeByKindAndPriority() {
    Scrape scrape = scrape();
    assertThat(scrape.types())
        .containsEntry("sla_breaches_total", "counter")
        .containsEntry("complaints_overdue", "gauge");
    assertThat(scrape.named("sla_breaches_total"))
        .extracting(s -> s.labels().get("kind"))
        .containsExactlyInAnyOrder("response", "resolution");
    assertThat(scrape.named("complaints_overdue"))
        .extracting(s -> s.labels().get("priority"))
        .containsExactlyInAnyOrder("low", "normal", "high", "urgent");
  }

  @Test
  void latencyBucketsFallOnEveryPublishedTargetFrom25MillisecondsTo2AndAHalfSeconds() {
    api.get("/api/v1/categories", null);
    Scrape scrape = scrape();
    Set<String> bounds =
        Set.copyOf(
            scrape.named("http_request_duration_seconds_bucket").stream()
                .map(s -> s.labels().get("le"))
                .filter(le -> !le.equals("+Inf"))
                .toList());
    for (double target : new double[] {0.025, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2, 2.5}) {
      assertThat(bounds.stream().map(Double::parseDouble))
          .as("bucket at " + target)
          .contains(target);
    }
    var labels = Map.of("method", "GET", "endpoint", "/api/v1/categories");
    double count = scrape.value("http_request_duration_seconds_count", labels);
    double infinite =
        scrape.value(
            "http_request_duration_seconds_bucket",
            Map.of("method", "GET", "endpoint", "/api/v1/categories", "le", "+Inf"));
    assertThat(count).isPositive().isEqualTo(infinite);
  }

  @Test
  void requestCountersMoveByExactlyTheRequestsMadeAndUseTheRouteTemplateNotTheId() {
    var ok = Map.of("method", "GET", "endpoint", "/api/v1/complaints/{id}", "status", "200");
    var missing = Map.of("method", "GET", "endpoint", "/api/v1/complaints/{id}", "status", "404");
    var anonymous = Map.of("method", "GET", "endpoint", "/api/v1/complaints/{id}", "status", "401");
    var unmatched = Map.of("method", "GET", "endpoint", "unmatched", "status", "404");
    String first = fixtures.submit().get("id").asString();
    String second = fixtures.submit().get("id").asString();
    Scrape before = scrape();

    api.get("/api/v1/complaints/" + first, TestSetup.SERVICE_TOKEN);
    api.get("/api/v1/complaints/" + second, TestSetup.SERVICE_TOKEN);
    api.get("/api/v1/complaints/" + second, TestSetup.SERVICE_TOKEN);
    api.get("/api/v1/complaints/" + UUID.randomUUID(), TestSetup.SERVICE_TOKEN);
    api.get("/api/v1/complaints/" + first, null);
    api.get("/no/such/" + UUID.randomUUID(), TestSetup.SERVICE_TOKEN);
    api.get("/no/such/" + UUID.randomUUID(), TestSetup.SERVICE_TOKEN);
    Scrape after = scrape();

    assertThat(after.value("http_requests_total", ok) - before.value("http_requests_total", ok))
        .isEqualTo(3);
    assertThat(
            after.value("http_requests_total", missing)
                - before.value("http_requests_total", missing))
        .isEqualTo(1);
    assertThat(
            after.value("http_requests_total", anonymous)
                - before.value("http_requests_total", anonymous))
        .isEqualTo(1);
    assertThat(
            after.value("http_requests_total", unmatched)
                - before.value("http_requests_total", unmatched))
        .isEqualTo(2);
    assertThat(after.named("http_requests_total"))
        .extracting(s -> s.labels().get("endpoint"))
        .noneMatch(endpoint -> endpoint.contains(first) || endpoint.contains("/no/such"));
  }

  @Test
  void activeComplaintsFollowTheDatabaseAsComplaintsAreSubmittedAndMoved() {
    Scrape before = scrape();
    String id = fixtures.submit().get("id").asString();
    fixtures.submit();
    fixtures.move(id, "in_progress");
    Scrape after = scrape();

    var reported = Map.of("status", "reported");
    var working = Map.of("status", "in_progress");
    assertThat(
            after.value("active_complaints_total", reported)
                - before.value("active_complaints_total", reported))
        .isEqualTo(1);
    assertThat(
            after.value("active_complaints_total", working)
                - before.value("active_complaints_total", working))
        .isEqualTo(1);
  }

  @Test
  void jvmPoolMemoryAndThreadFiguresAreOnTheScrape() {
    Scrape scrape = scrape();
    for (String name :
        new String[] {
          "jvm_memory_used_bytes",
          "jvm_threads_live_threads",
          "jvm_gc_memory_allocated_bytes_total",
          "process_cpu_usage",
          "system_cpu_usage",
          "process_resident_memory_bytes",
          "hikaricp_connections_active",
          "hikaricp_connections_idle",
          "hikaricp_connections_pending",
          "hikaricp_connections_max",
          "http_requests_in_flight"
        }) {
      assertThat(scrape.has(name)).as(name).isTrue();
    }
    assertThat(scrape.value("process_resident_memory_bytes", Map.of())).isGreaterThan(10e6);
  }

  @Test
  void proxiedScrapesNeedTheMetricsToken() {
    assertThat(api.call("GET", "/metrics").header("X-Forwarded-For", "203.0.113.9").send().status())
        .isEqualTo(403);
    assertThat(
            api.call("GET", "/metrics")
                .header("X-Forwarded-For", "203.0.113.9")
                .token("not-the-token")
                .send()
                .status())
        .isEqualTo(403);
    Api.Response withToken =
        api.call("GET", "/metrics")
            .header("X-Forwarded-For", "203.0.113.9")
            .token(TestSetup.METRICS_TOKEN)
            .send();
    assertThat(withToken.status()).isEqualTo(200);
    assertThat(withToken.body()).contains("active_complaints_total{status=\"reported\"}");
  }
}
