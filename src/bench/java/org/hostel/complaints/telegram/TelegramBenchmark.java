package org.hostel.complaints.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.hostel.complaints.photo.TestImages;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 200 simulated residents complete /report with one photo each, at once, through the local Bot API
 * server, on the embedded database and on PostgreSQL. Not part of the default run (the name does
 * not match Surefire's patterns); run it with
 *
 * <pre>mvn -B -Pbench test -Dtest=TelegramBenchmark -Djacoco.skip=true</pre>
 *
 * It prints updates per second, the p50/p95 time from an update reaching the Bot API server to the
 * bot's reply arriving there, the p95 delay of status notices (from the API's answer to the notice
 * reaching the Bot API server), and checks that every resident's complaint is stored exactly once.
 * Figures also go to {@code target/telegram-benchmark.txt}.
 */
class TelegramBenchmark {

  private static final int RESIDENTS = Integer.getInteger("benchmark.residents", 200);

  @Test
  void embedded() throws Exception {
    run("embedded", Map.of());
  }

  @Test
  void postgres() throws Exception {
    PostgresDatabase db = PostgresDatabase.create();
    try {
      run(
          "postgresql",
          Map.of(
              "spring.datasource.url",
              db.url(),
              "spring.datasource.username",
              PostgresDatabase.USER,
              "spring.datasource.password",
              ""));
    } finally {
      db.drop();
    }
  }

  private void run(String name, Map<String, Object> database) throws Exception {
    try (FakeBotApi telegram = new FakeBotApi()) {
      telegram.patience(java.time.Duration.ofMinutes(3));
      Map<String, Object> props = new java.util.HashMap<>(database);
      props.put("complaints.telegram.messages-per-minute", "1000");
      try (ConfigurableApplicationContext app = BotBench.start(telegram, props)) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0"));
        Api api = Api.onPort(port);
        byte[] photo = TestImages.jpeg(1280, 960);
        ConcurrentLinkedQueue<Long> replyMillis = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
          chats.add(5_000_000_000L + i + (name.equals("embedded") ? 0 : 100_000));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
          List<Future<?>> all = new ArrayList<>();
          for (long chat : chats) {
            all.add(pool.submit(() -> report(telegram, chat, photo, replyMillis)));
          }
          for (Future<?> f : all) {
            f.get();
          }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int updates = RESIDENTS * 10;

        Fixtures fixtures = new Fixtures(api);
        List<Long> noticeMillis = Collections.synchronizedList(new ArrayList<>());
        for (long chat : chats) {
          var list =
              api.get("/api/v1/complaints?telegram_user_id=" + chat, TestSetup.SERVICE_TOKEN)
                  .json();
          assertThat(list.get("total").asLong()).as("complaints of " + chat).isEqualTo(1);
          assertThat(list.get("items").get(0).get("photo_urls").size()).isEqualTo(1);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
          List<Future<?>> all = new ArrayList<>();
          for (long chat : chats) {
            all.add(
                pool.submit(
                    () -> {
                      String id =
                          api.get(
                                  "/api/v1/complaints?telegram_user_id=" + chat,
                                  TestSetup.SERVICE_TOKEN)
                              .json()
                              .get("items")
                              .get(0)
                              .get("id")
                              .asString();
                      int before = telegram.count(chat);
                      fixtures.move(id, "in_progress");
                      long t0 = System.nanoTime();
                      telegram.awaitText(chat, before, "Work has started");
                      noticeMillis.add((System.nanoTime() - t0) / 1_000_000);
                    }));
          }
          for (Future<?> f : all) {
            f.get();
          }
        }
        List<Long> replies = new ArrayList<>(replyMillis);
        String report =
            String.format(
                Locale.ROOT,
                "%s: %d residents, %d updates in %.1f s = %.1f updates/s; update→reply p50 %d ms,"
                    + " p95 %d ms, max %d ms; notice delay p50 %d ms, p95 %d ms; complaints stored"
                    + " once each: yes%n",
                name,
                RESIDENTS,
                updates,
                seconds,
                updates / seconds,
                percentile(replies, 50),
                percentile(replies, 95),
                Collections.max(replies),
                percentile(noticeMillis, 50),
                percentile(noticeMillis, 95));
        System.out.print(report);
        Path out = Path.of("target", "telegram-benchmark.txt");
        Files.writeString(
            out,
            report,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      }
    }
  }

  private static void report(
      FakeBotApi telegram, long chat, byte[] photo, ConcurrentLinkedQueue<Long> millis) {
    var hostels =
        step(telegram, chat, () -> telegram.userSends(chat, "/report"), "Which hostel", millis);
    step(
        telegram,
        chat,
        () -> telegram.userTaps(chat, hostels.button("Block B")),
        "Which room",
        millis);
    var categories =
        step(telegram, chat, () -> telegram.userSends(chat, "B204"), "What kind", millis);
    step(
        telegram,
        chat,
        () -> telegram.userTaps(chat, categories.button("Electrical")),
        "Describe",
        millis);
    var urgency =
        step(
            telegram,
            chat,
            () -> telegram.userSends(chat, "The socket by the desk sparks " + chat),
            "How urgent",
            millis);
    var photos =
        step(
            telegram,
            chat,
            () -> telegram.userTaps(chat, urgency.button("Medium")),
            "Send up to",
            millis);
    var added =
        step(telegram, chat, () -> telegram.userSendsPhoto(chat, photo), "Photo 1 added", millis);
    var summary =
        step(
            telegram,
            chat,
            () -> telegram.userTaps(chat, added.button("Done")),
            "Please check",
            millis);
    step(
        telegram,
        chat,
        () -> telegram.userTaps(chat, summary.button("Submit")),
        "Your complaint is",
        millis);
    step(
        telegram, chat, () -> telegram.userSends(chat, "/mycomplaints"), "Your complaints", millis);
  }

  private static FakeBotApi.Call step(
      FakeBotApi telegram,
      long chat,
      IntSupplier send,
      String answer,
      ConcurrentLinkedQueue<Long> millis) {
    int before = telegram.count(chat);
    long t0 = System.nanoTime();
    send.getAsInt();
    FakeBotApi.Call reply = telegram.awaitText(chat, before, answer);
    millis.add((System.nanoTime() - t0) / 1_000_000);
    return reply;
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
