package org.hostel.complaints.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.hostel.complaints.testing.TestTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Debian's Prometheus scrapes a running instance with the shipped scrape configuration and rules
 * (only the intervals and the {@code for:} waits shortened), next to a target that is down.
 */
// Settings of its own: the context is never reused, so it is closed (and its pool freed).
@Tag("prometheus")
@EmbeddedContext
class PrometheusTests {

  static final Path DEPLOY = Path.of("deploy");
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @TempDir Path dir;
  Process prometheus;

  /** Starts Prometheus on the configuration in {@code dir}; answers the port of its web API. */
  int startPrometheus(Path server, Path dir) throws IOException {
    int web = freePort();
    prometheus =
        new ProcessBuilder(
                server.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + web)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    return web;
  }

  @AfterEach
  void stopPrometheus() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly();
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }

  JsonNode query(int prometheusPort, String path, String promql) throws Exception {
    String uri =
        "http://127.0.0.1:"
            + prometheusPort
            + path
            + (promql == null ? "" : "?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    return Api.JSON.readTree(response.body());
  }

  /** Waits for an answer {@code done} accepts; a starting Prometheus answers plain text 503s. */
  JsonNode await(int prometheusPort, String path, String promql, Predicate<JsonNode> done) {
    return Eventually.poll(
        "Prometheus answers as expected at " + path,
        Duration.ofSeconds(90),
        () -> query(prometheusPort, path, promql),
        done);
  }

  @Test
  void theShippedRulesPassPromtoolEvaluateOnRealScrapesAndTheInstanceDownAlertFires()
      throws Exception {
    Path promtool = TestTools.require("promtool", "prometheus");
    Path server = TestTools.require("prometheus", "prometheus");
    run(
        List.of(
            promtool.toString(),
            "check",
            "rules",
            DEPLOY.resolve("prometheus/alerts.yml").toString()));
    run(
        List.of(
            promtool.toString(),
            "check",
            "config",
            DEPLOY.resolve("prometheus/prometheus.yml").toString()));

    int down = freePort();
    String config =
        Files.readString(DEPLOY.resolve("prometheus/prometheus.yml"))
            .replace("15s", "1s")
            .replace("- 127.0.0.1:8000", "- 127.0.0.1:" + port + "\n          - 127.0.0.1:" + down);
    Files.writeString(dir.resolve("prometheus.yml"), config);
    Files.writeString(
        dir.resolve("alerts.yml"),
        Files.readString(DEPLOY.resolve("prometheus/alerts.yml"))
            .replaceAll("for: \\S+", "for: 0s"));
    int web = startPrometheus(server, dir);

    Api api = Api.onPort(port);
    Fixtures fixtures = new Fixtures(api);
    traffic(api, fixtures);

    String live = "127.0.0.1:" + port;
    await(
        web,
        "/api/v1/query",
        "up{job=\"complaints\", instance=\"" + live + "\"} == 1",
        r -> !r.at("/data/result").isEmpty());
    await(
        web,
        "/api/v1/alerts",
        null,
        r -> {
          for (JsonNode alert : r.at("/data/alerts")) {
            if (alert.at("/labels/alertname").asString().equals("ComplaintsInstanceDown")
                && alert.at("/labels/instance").asString().equals("127.0.0.1:" + down)
                && alert.get("state").asString().equals("firing")) {
              return true;
            }
          }
          return false;
        });
    JsonNode alerts = query(web, "/api/v1/alerts", null);
    for (JsonNode alert : alerts.at("/data/alerts")) {
      if (alert.at("/labels/alertname").asString().equals("ComplaintsInstanceDown")) {
        assertThat(alert.at("/labels/instance").asString()).isNotEqualTo(live);
      }
    }

    JsonNode rules = query(web, "/api/v1/rules", null);
    List<String> names = new ArrayList<>();
    for (JsonNode group : rules.at("/data/groups")) {
      for (JsonNode rule : group.get("rules")) {
        names.add(rule.get("name").asString());
        assertThat(rule.get("health").asString())
            .as(rule.get("name").asString() + " " + rule.path("lastError").asString(""))
            .isEqualTo("ok");
      }
    }
    assertThat(names)
        .hasSize(15)
        .contains(
            "ComplaintsUrgentOverdue",
            "ComplaintsSlaBreaching",
            "ComplaintsHighErrorRate",
            "ComplaintsListingSlow",
            "ComplaintsNotificationsStuck",
            "ComplaintsNotificationsFailing");

    // The latency alerts' quantiles have real values behind them for the endpoints exercised.
    for (String endpoint :
        List.of(
            "method=\"POST\", endpoint=\"/api/v1/complaints/submit\"",
            "method=\"GET\", endpoint=\"/api/v1/complaints\"",
            "method=\"PATCH\", endpoint=~\"/api/v1/complaints/\\\\{[^}/]+\\\\}/status\"")) {
      JsonNode quantile =
          await(
              web,
              "/api/v1/query",
              "histogram_quantile(0.95, sum by (instance, le) (rate("
                  + "http_request_duration_seconds_bucket{job=\"complaints\", "
                  + endpoint
                  + "}[1m])))",
              r -> {
                traffic(api, fixtures);
                return !r.at("/data/result").isEmpty()
                    && !r.at("/data/result/0/value/1").asString().equals("NaN");
              });
      assertThat(quantile.at("/data/result/0/value/1").asDouble()).as(endpoint).isPositive();
    }
    int inProgress =
        (int)
            Scrape.parse(api.get("/metrics", null).body())
                .value("active_complaints_total", java.util.Map.of("status", "in_progress"));
    await(
        web,
        "/api/v1/query",
        "active_complaints_total{status=\"in_progress\"} == " + inProgress,
        r -> !r.at("/data/result").isEmpty());
  }

  static void traffic(Api api, Fixtures fixtures) {
    String id = fixtures.submit().get("id").asString();
    api.get("/api/v1/complaints", TestSetup.SERVICE_TOKEN);
    fixtures.move(id, "in_progress");
  }

  @Test
  void everyDashboardQueryIsValidAndNamesMetricsTheServiceExposes() throws Exception {
    Path server = TestTools.require("prometheus", "prometheus");
    Files.writeString(
        dir.resolve("prometheus.yml"),
        """
        global:
          scrape_interval: 1s
        scrape_configs:
          - job_name: complaints
            static_configs:
              - targets: ["127.0.0.1:%d"]
        """
            .formatted(port)
            .replace("static_configs", "metrics_path: /metrics\n    static_configs"));
    int web = startPrometheus(server, dir);
    await(
        web, "/api/v1/query", "up{job=\"complaints\"} == 1", r -> !r.at("/data/result").isEmpty());

    JsonNode dashboard =
        Api.JSON.readTree(Files.readString(DEPLOY.resolve("grafana/complaints-dashboard.json")));
    Scrape scrape = Scrape.parse(Api.onPort(port).get("/metrics", null).body());
    // Registered on their first event: the first upload, the first garbage collection.
    Set<String> appearOnFirstUse =
        Set.of("photo_upload_size_bytes_bucket", "jvm_gc_pause_seconds_sum");
    Pattern metric =
        Pattern.compile(
            "\\b([a-z_]+_(?:total|bytes|seconds_bucket|seconds_sum|seconds_count|usage|count|threads|active|idle|pending|max|flight))\\b(?=\\{)");
    int queries = 0;
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        String expr =
            target
                .get("expr")
                .asString()
                .replace("$__rate_interval", "1m")
                .replace("$instance", ".*");
        JsonNode answer = query(web, "/api/v1/query", expr);
        assertThat(answer.get("status").asString()).as(expr + " " + answer).isEqualTo("success");
        Matcher names = metric.matcher(expr);
        while (names.find()) {
          String name = names.group(1);
          if (!appearOnFirstUse.contains(name)) {
            assertThat(scrape.has(name)).as(name + " in " + panel.get("title")).isTrue();
          }
        }
        queries++;
      }
    }
    assertThat(queries).isGreaterThanOrEqualTo(20);
  }
}
