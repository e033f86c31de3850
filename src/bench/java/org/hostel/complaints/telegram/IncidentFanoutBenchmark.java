package org.hostel.complaints.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An incident's message to 1,000 linked reporters on the embedded default: the time to link them
 * (the messages are stored in the outbox in that transaction) and the time until the last one has
 * reached the local Bot API server, each exactly once. Run it with
 *
 * <pre>mvn -B -Pbench test -Dtest=IncidentFanoutBenchmark -Djacoco.skip=true</pre>
 *
 * Figures also go to {@code target/incident-fanout-benchmark.txt}.
 */
class IncidentFanoutBenchmark {

  private static final int REPORTERS = Integer.getInteger("benchmark.reporters", 1000);

  @Test
  void oneMessageToEveryLinkedReporter() throws Exception {
    try (FakeBotApi telegram = new FakeBotApi()) {
      telegram.patience(Duration.ofMinutes(5));
      Map<String, Object> props = new HashMap<>();
      props.put("complaints.telegram.messages-per-minute", "100000");
      try (ConfigurableApplicationContext app = BotBench.start(telegram, props)) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0"));
        Api api = Api.onPort(port);
        Fixtures fixtures = new Fixtures(api);
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < REPORTERS; i++) {
          chats.add(7_000_000_000L + i);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
          List<Future<?>> all = new ArrayList<>();
          for (long chat : chats) {
            all.add(
                pool.submit(
                    () -> {
                      Map<String, Object> body = Fixtures.complaint(Long.toString(chat));
                      body.putAll(
                          Map.of(
                              "hostel", "block-b",
                              "room_number", "B" + (100 + chat % 900),
                              "wing", "FAN",
                              "category", "plumbing"));
                      fixtures.submit(body);
                    }));
          }
          for (Future<?> f : all) {
            f.get();
          }
        }
        String admin = fixtures.adminToken();
        String incident =
            api.post(
                    "/api/v1/incidents",
                    admin,
                    Map.of(
                        "title", "No water in Block B",
                        "category", "plumbing",
                        "message", "Fan-out benchmark: the main valve is being replaced.",
                        "scope", List.of(Map.of("hostel", "block-b", "wings", List.of("FAN")))))
                .json()
                .get("id")
                .asString();

        long t0 = System.nanoTime();
        Api.Response linked =
            api.post("/api/v1/incidents/" + incident + "/link", admin, Map.of("matching", true));
        double enqueueMs = (System.nanoTime() - t0) / 1e6;
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("results").size()).isEqualTo(REPORTERS);
        for (long chat : chats) {
          telegram.awaitText(chat, 0, "Fan-out benchmark");
        }
        double deliveredMs = (System.nanoTime() - t0) / 1e6;
        for (long chat : chats) {
          assertThat(telegram.sent(chat))
              .extracting(FakeBotApi.Call::text)
              .filteredOn(t -> t.contains("Fan-out benchmark"))
              .hasSize(1);
        }
        String report =
            String.format(
                Locale.ROOT,
                "incident fan-out, embedded: %d linked reporters; link call (messages stored)"
                    + " %.0f ms; last message at the Bot API server after %.0f ms (%.0f"
                    + " messages/s); each exactly once%n",
                REPORTERS,
                enqueueMs,
                deliveredMs,
                REPORTERS / (deliveredMs / 1000));
        System.out.print(report);
        Path out = Path.of("target", "incident-fanout-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
      }
    }
  }
}
