package org.hostel.complaints.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.ServiceProcess;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database, each its own JVM: exactly one long-polls; when it is
 * killed in the middle of a resident's report, the other takes over and carries the report on.
 */
class TelegramPollerTakeoverTests {

  @Test
  void oneInstancePollsAndTheOtherTakesOverMidConversationWhenItDies() throws Exception {
    PostgresDatabase database = PostgresDatabase.create();
    Path log = Files.createTempFile("telegram-takeover", ".log");
    try (FakeBotApi telegram = new FakeBotApi()) {
      Map<String, ServiceProcess> instances = new HashMap<>();
      try {
        for (String name : List.of("a", "b")) {
          instances.put(
              name, ServiceProcess.start(env(database, telegram.url() + "/" + name), log));
        }
        Eventually.await("somebody polls", () -> !telegram.polls().isEmpty());
        Eventually.sleep(Duration.ofSeconds(3));
        List<String> polls = telegram.polls();
        String poller = polls.getLast();
        assertThat(polls.subList(polls.size() / 2, polls.size())).containsOnly(poller);

        long chat = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        telegram.userSends(chat, "/report");
        var hostels = telegram.awaitText(chat, 0, "Which hostel");
        int n = telegram.count(chat);
        telegram.userTaps(chat, hostels.button("Block C"));
        telegram.awaitText(chat, n, "Which room");

        instances.remove(poller).kill();
        n = telegram.count(chat);
        telegram.userSends(chat, "c204");
        var categories = telegram.awaitText(chat, n, "What kind of problem");
        String other = poller.equals("a") ? "b" : "a";
        assertThat(telegram.polls().getLast()).isEqualTo(other);

        n = telegram.count(chat);
        telegram.userTaps(chat, categories.button("Electrical"));
        telegram.awaitText(chat, n, "Describe");
        n = telegram.count(chat);
        telegram.userSends(chat, "The corridor light flickers all evening");
        var urgency = telegram.awaitText(chat, n, "How urgent");
        n = telegram.count(chat);
        telegram.userTaps(chat, urgency.button("Low"));
        var photos = telegram.awaitText(chat, n, "Send up to");
        n = telegram.count(chat);
        telegram.userTaps(chat, photos.button("Skip"));
        var summary = telegram.awaitText(chat, n, "Please check your report");
        assertThat(summary.text()).contains("Hostel: Block C", "Room: C204");
        n = telegram.count(chat);
        telegram.userTaps(chat, summary.button("Submit"));
        telegram.awaitText(chat, n, "Your complaint is C-");

        var api = instances.get(other).api();
        assertThat(
                api.get("/api/v1/complaints?telegram_user_id=" + chat, TestSetup.SERVICE_TOKEN)
                    .json()
                    .get("total")
                    .asLong())
            .isEqualTo(1);
      } finally {
        instances.values().forEach(ServiceProcess::close);
      }
    } finally {
      database.drop();
    }
  }

  private static Map<String, String> env(PostgresDatabase database, String apiUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("SPRING_DATASOURCE_URL", database.url());
    env.put("SPRING_DATASOURCE_USERNAME", PostgresDatabase.USER);
    env.put("COMPLAINTS_DATA_DIR", TestSetup.tempDataDir());
    env.put("COMPLAINTS_SERVICE_TOKEN", TestSetup.SERVICE_TOKEN);
    env.put("COMPLAINTS_JWT_SECRET", TestSetup.JWT_SECRET);
    env.put("COMPLAINTS_ADMIN_EMAIL", TestSetup.ADMIN_EMAIL);
    env.put("COMPLAINTS_ADMIN_PASSWORD", TestSetup.ADMIN_PASSWORD);
    env.put("COMPLAINTS_TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
    env.put("COMPLAINTS_TELEGRAM_API_URL", apiUrl);
    env.put("COMPLAINTS_TELEGRAM_POLL_TIMEOUT", "1s");
    env.put("COMPLAINTS_TELEGRAM_LEASE_TTL", "5s");
    // A message the killed instance had sent but not yet marked sent waits out its claim, and the
    // chat's later messages wait behind it (in order); a short claim keeps the test short.
    env.put("COMPLAINTS_OUTBOX_CLAIM_TIMEOUT", "5s");
    env.put("COMPLAINTS_OUTBOX_POLL_INTERVAL", "200ms");
    env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "");
    return env;
  }
}
