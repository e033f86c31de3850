package org.hostel.complaints.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostel.complaints.complaint.ReporterUpdate;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.photo.TestImages;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Residents talk to the bot through a local Bot API server over real HTTP; the bot long-polls it,
 * and every reply goes out through the outbox.
 */
// Its servers stop after the class: close the context too, rather than keep it cached.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramBotTests {

  static FakeBotApi telegram;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws IOException {
    TestSetup.common(registry);
    telegram = new FakeBotApi();
    registry.add("complaints.telegram.bot-token", () -> FakeBotApi.TOKEN);
    registry.add("complaints.telegram.api-url", telegram::url);
    registry.add("complaints.telegram.poll-timeout", () -> "1s");
    registry.add("complaints.telegram.lease-ttl", () -> "3s");
    registry.add("complaints.outbox.first-retry", () -> "200ms");
    registry.add("complaints.outbox.poll-interval", () -> "200ms");
    registry.add("complaints.telegram.confirm-after", () -> "1s");
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Confirmations confirmations;
  @Autowired Reporting reporting;
  @Autowired TransactionTemplate tx;
  @Autowired ApplicationEventPublisher events;
  Api api;
  Fixtures fixtures;

  @BeforeAll
  void connect() {
    api = Api.onPort(port);
    fixtures = new Fixtures(api);
  }

  @AfterAll
  void stop() {
    telegram.close();
  }

  @Test
  void aResidentReportsAProblemWithAPhotoAndEditsItBeforeSubmitting() {
    long chat = chat();
    int n = telegram.count(chat);
    telegram.userSends(chat, "/start");
    telegram.awaitText(chat, n, "Hello!");

    var hostels = ask(chat, "/report", "Which hostel");
    tap(chat, hostels.button("Block A"), "Which room");
    say(chat, "Z999", "not a room number I know. Please type it like A312");
    var categories = say(chat, "a312", "What kind of problem");
    say(chat, "plumbing please", "choose the kind of problem");
    tap(chat, categories.button("Plumbing"), "Describe the problem");
    say(chat, "leak", "has 4 characters");
    var urgency = say(chat, "The tap in the bathroom leaks all night long", "How urgent");
    tap(chat, urgency.button("High"), "Send up to 5 photos");
    int before = telegram.count(chat);
    telegram.userSendsSticker(chat);
    telegram.awaitText(chat, before, "only read text and photos");
    before = telegram.count(chat);
    telegram.userSendsPhoto(chat, TestImages.jpeg(640, 480));
    var added = telegram.awaitText(chat, before, "Photo 1 added");
    var summary = tap(chat, added.button("Done"), "Please check your report");
    assertThat(summary.text())
        .contains("Hostel: Block A", "Room: A312", "Urgency: High", "Photos: 1");

    var fields = tap(chat, summary.button("Edit"), "What would you like to change");
    tap(chat, fields.button("Room"), "Which room");
    var edited = say(chat, "b101", "Please check your report");
    assertThat(edited.text()).contains("Room: B101", "Problem: Plumbing", "Photos: 1");

    var submitted = tap(chat, edited.button("Submit"), "Your complaint is C-");
    String reference = reference(submitted.text());
    JsonNode complaint =
        api.get("/api/v1/complaints/by-reference/" + reference, TestSetup.SERVICE_TOKEN).json();
    assertThat(complaint.get("room_number").asString()).isEqualTo("B101");
    assertThat(complaint.get("severity").asString()).isEqualTo("high");
    assertThat(complaint.get("telegram_user_id").asString()).isEqualTo(Long.toString(chat));
    Eventually.await(
        "the photo is attached",
        () ->
            api.get("/api/v1/complaints/" + complaint.get("id").asString(), TestSetup.SERVICE_TOKEN)
                    .json()
                    .get("photo_urls")
                    .size()
                == 1);

    // A double tap on Submit stores nothing more.
    tap(chat, edited.button("Submit"), "has ended or expired");
    assertThat(reportsOf(chat)).isEqualTo(1);
    transcript("report", chat);
  }

  @Test
  void beforeTheDescriptionTheBotNamesTheHostelsKnownProblems() {
    String admin = fixtures.adminToken();
    Api.Response declared =
        api.post(
            "/api/v1/incidents",
            admin,
            java.util.Map.of(
                "title", "No water",
                "category", "plumbing",
                "message", "The main valve is being replaced.",
                "eta", "2026-12-02T16:00:00Z",
                "scope", java.util.List.of(java.util.Map.of("hostel", "block-c"))));
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);

    long chat = chat();
    var hostels = ask(chat, "/report", "Which hostel");
    tap(chat, hostels.button("Block C"), "Which room");
    var categories = say(chat, "c101", "What kind of problem");
    int before = telegram.count(chat);
    telegram.userTaps(chat, categories.button("Electrical"));
    var known = telegram.awaitText(chat, before, "Known problem in Block C");
    assertThat(known.text())
        .contains(
            "No water — The main valve is being replaced, ETA 2026-12-02 16:00 UTC.",
            "you do not need to report it again");
    var ask = telegram.awaitText(chat, before, "Describe the problem");
    tap(chat, ask.button("Cancel"), "Report cancelled");

    // Another hostel hears nothing of it.
    chat = chat();
    hostels = ask(chat, "/report", "Which hostel");
    tap(chat, hostels.button("Block B"), "Which room");
    categories = say(chat, "b101", "What kind of problem");
    tap(chat, categories.button("Electrical"), "Describe the problem");
    ask(chat, "/cancel", "Report cancelled");
    assertThat(telegram.transcript(chat)).doesNotContain("Known problem");
  }

  @Test
  void badInputIsAnsweredAndChangesNothing() {
    long chat = chat();
    ask(chat, "/cancel", "nothing to cancel");
    ask(chat, "/frobnicate", "don’t know that command");
    ask(chat, "x".repeat(4096), "too long");
    ask(chat, "hello", "not writing a report");
    var hostels = ask(chat, "/report", "Which hostel");
    ask(chat, "Block A", "choose the hostel with the buttons");
    int before = telegram.count(chat);
    telegram.userSendsDocument(chat, "not an image".getBytes(), "notes.txt", "text/plain");
    telegram.awaitText(chat, before, "not an image");
    tap(chat, "zz:garbage", "didn’t send that button");
    tap(chat, "r:00000000:h:0", "has ended or expired");
    ask(chat, "/report", "middle of a report");
    tap(chat, hostels.button("Cancel"), "Report cancelled");
    tap(chat, hostels.button("Block B"), "has ended or expired");
    assertThat(reportsOf(chat)).isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM telegram_conversations WHERE chat_id = :c")
                .param("c", chat)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void residentsFollowTheirOwnComplaintsOnly() {
    long chat = chat();
    String first = null;
    for (int i = 0; i < 7; i++) {
      JsonNode c = fixtures.submit(Fixtures.complaint(Long.toString(chat)));
      first = first == null ? c.get("reference").asString() : first;
    }
    String someoneElses = fixtures.submit().get("reference").asString();

    var page1 = ask(chat, "/mycomplaints", "page 1 of 2, 7 in all");
    int before = telegram.count(chat);
    telegram.userTaps(chat, page1.button("Next"));
    var page2 = telegram.awaitMessage(chat, before, c -> c.method().equals("editMessageText"));
    assertThat(page2.text()).contains("page 2 of 2").contains(first);

    ask(chat, "/status " + first, first + ": Reported");
    ask(chat, "/status " + someoneElses, "found no complaint");
    ask(chat, "/status", "Send the reference");
    ask(chat, "/start " + first.toLowerCase(), first + ": Reported");
    transcript("follow", chat);
  }

  @Test
  void theSameUpdateDeliveredTwiceIsHandledOnce() throws Exception {
    long chat = chat();
    int update = telegram.userSends(chat, "/help");
    telegram.awaitText(chat, 0, "What I understand");
    telegram.resend(update);
    ask(chat, "/cancel", "nothing to cancel");
    assertThat(telegram.sent(chat))
        .filteredOn(c -> c.text().contains("What I understand"))
        .hasSize(1);
  }

  @Test
  void theReporterHearsOfProgressAfterAnOutageInOrder() {
    long chat = chat();
    String id = fixtures.submit(Fixtures.complaint(Long.toString(chat))).get("id").asString();
    telegram.outage(true);
    fixtures.move(id, "in_progress");
    fixtures.move(id, "resolved");
    sleep(1500);
    assertThat(telegram.sent(chat)).isEmpty();
    telegram.outage(false);
    telegram.awaitText(chat, 0, "marked your complaint");
    assertThat(telegram.sent(chat).subList(0, 2))
        .extracting(FakeBotApi.Call::text)
        .satisfiesExactly(
            started -> assertThat(started).contains("Work has started"),
            resolved -> assertThat(resolved).contains("as resolved"));
  }

  @Test
  void aRateLimitedSendWaitsAndABlockedChatIsGivenUp() {
    long chat = chat();
    telegram.failNext(429);
    ask(chat, "/help", "What I understand");

    Eventually.await(
        "the 429 is counted by reason",
        () ->
            api.get("/metrics", null)
                .body()
                .contains("telegram_send_failures_total{reason=\"HTTP 429\"}"));
    String metrics = api.get("/metrics", null).body();
    assertThat(metrics)
        .contains("telegram_updates_received_total", "telegram_updates_handled_total")
        .contains("telegram_updates_failed_total");
    JsonNode health = api.get("/health/ready", null).json();
    assertThat(health.get("checks").get("telegram").get("status").asString()).isEqualTo("up");

    long blocked = chat();
    telegram.block(blocked);
    String id = fixtures.submit(Fixtures.complaint(Long.toString(blocked))).get("id").asString();
    fixtures.move(id, "in_progress");
    Eventually.await(
        "the blocked chat is marked unreachable",
        () ->
            jdbc.sql("SELECT count(*) FROM outbox_unreachable WHERE recipient = :r")
                    .param("r", Long.toString(blocked))
                    .query(Long.class)
                    .single()
                == 1);
  }

  @Test
  void anUpdateForTheReporterGoesOutOnceAndOnlyWhenItsChangeCommits() {
    long chat = chat();
    JsonNode submitted = fixtures.submit(Fixtures.complaint(Long.toString(chat)));
    String id = submitted.get("id").asString();
    var complaint =
        reporting
            .ofReporter(Long.toString(chat), submitted.get("reference").asString())
            .orElseThrow();
    var update = new ReporterUpdate(complaint, "comment", "The plumber comes at 10:00.", "t:" + id);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      events.publishEvent(
                          new ReporterUpdate(complaint, "comment", "Rolled back.", "r:" + id));
                      throw new IllegalStateException("the change fails");
                    }))
        .isInstanceOf(IllegalStateException.class);
    tx.executeWithoutResult(s -> events.publishEvent(update));
    tx.executeWithoutResult(s -> events.publishEvent(update));

    var sent = telegram.awaitText(chat, 0, "The plumber comes at 10:00.");
    assertThat(sent.text()).startsWith("About your complaint " + complaint.reference());
    sleep(1000);
    assertThat(telegram.sent(chat))
        .extracting(FakeBotApi.Call::text)
        .noneMatch(t -> t.contains("Rolled back"))
        .filteredOn(t -> t.contains("The plumber"))
        .hasSize(1);
  }

  @Test
  void anIncidentMessageReachesEachLinkedReporterOncePerChange() {
    String admin = fixtures.adminToken();
    String wing = "I" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 20, 1L << 30), 36);
    wing = wing.substring(0, Math.min(8, wing.length())).toUpperCase();
    List<Long> chats = List.of(chat(), chat(), chat());
    for (long chat : chats) {
      java.util.Map<String, Object> body = Fixtures.complaint(Long.toString(chat));
      body.putAll(
          java.util.Map.of(
              "hostel", "block-b", "room_number", "B210", "wing", wing, "category", "plumbing"));
      fixtures.submit(body);
    }
    Api.Response declared =
        api.post(
            "/api/v1/incidents",
            admin,
            java.util.Map.of(
                "title", "No water in Block B",
                "category", "plumbing",
                "message", "The main valve is being replaced.",
                "scope", List.of(java.util.Map.of("hostel", "block-b", "wings", List.of(wing)))));
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    String incident = declared.json().get("id").asString();
    api.post("/api/v1/incidents/" + incident + "/link", admin, java.util.Map.of("matching", true));
    for (long chat : chats) {
      telegram.awaitText(chat, 0, "main valve is being replaced");
    }
    api.patch(
        "/api/v1/incidents/" + incident,
        admin,
        java.util.Map.of("message", "Water is back by 16:00, the valve is in."));
    for (long chat : chats) {
      telegram.awaitText(chat, 0, "Water is back by 16:00");
    }
    api.post("/api/v1/incidents/" + incident + "/resolve", admin, java.util.Map.of());
    for (long chat : chats) {
      telegram.awaitText(chat, 0, "as resolved");
    }
    sleep(1000);
    for (long chat : chats) {
      assertThat(telegram.sent(chat))
          .extracting(FakeBotApi.Call::text)
          .satisfies(
              texts -> {
                assertThat(texts).filteredOn(x -> x.contains("main valve is being")).hasSize(1);
                assertThat(texts).filteredOn(x -> x.contains("Water is back by 16:00")).hasSize(1);
                assertThat(texts).filteredOn(x -> x.contains("as resolved")).hasSize(1);
              });
    }
  }

  @Test
  void theReporterConfirmsTheFixOrReopensTheComplaint() {
    long chat = chat();
    String fixed = resolvedComplaint(chat);
    var asked = telegram.awaitText(chat, 0, "Is it fixed?");
    var closed = tap(chat, asked.button("Yes"), "is closed");
    assertThat(status(fixed)).isEqualTo("closed");
    assertThat(history(fixed)).contains("reporter:confirmed");
    tap(chat, closed.button("★★★★"), "Thank you for your rating");
    tap(chat, closed.button("★★"), "can be rated once");
    assertThat(
            api.get("/api/v1/complaints/" + fixed, TestSetup.SERVICE_TOKEN)
                .json()
                .get("rating")
                .asInt())
        .isEqualTo(4);
    JsonNode stats = api.get("/api/v1/complaints/stats", fixtures.adminToken()).json();
    assertThat(stats.get("rating_by_hostel").findValuesAsString("hostel")).contains("block-a");

    int before = telegram.count(chat);
    String broken = resolvedComplaint(chat);
    var again = telegram.awaitText(chat, before, "Is it fixed?");
    tap(chat, again.button("Not fixed"), "open again");
    assertThat(status(broken)).isEqualTo("in_progress");
    assertThat(history(broken)).contains("status:in_progress", "reporter:reopened");

    tap(chat, again.button("Not fixed"), "no longer waiting for your answer");
    tap(chat, asked.button("Yes"), "no longer waiting for your answer");
    assertThat(status(broken)).isEqualTo("in_progress");
    transcript("confirm", chat);
  }

  @Test
  void aResolvedComplaintWithoutAnAnswerIsClosedAfterTheWait() {
    long chat = chat();
    String id = resolvedComplaint(chat);
    telegram.awaitText(chat, 0, "Is it fixed?");
    sleep(1200);
    confirmations.closeUnanswered();
    assertThat(status(id)).isEqualTo("closed");
    assertThat(history(id)).contains("reporter:no_answer");
    telegram.awaitText(chat, 0, "no answer for a while");
  }

  @Test
  void linkedStaffGetAlertsAndADeactivatedPortersButtonsStopWorking() {
    Fixtures.Staff porter = fixtures.porter();
    long porterChat = chat();
    String code = linkCode(porter.token());
    ask(porterChat, "/start link-" + code, "Linked: you are");
    ask(chat(), "/start link-" + code, "expired or was used already");

    Fixtures.Staff admin = fixtures.admin();
    long adminChat = chat();
    ask(adminChat, "/start link-" + linkCode(admin.token()), "Linked: you are");
    var switches = ask(adminChat, "/alerts", "Which alerts");
    int before = telegram.count(adminChat);
    telegram.userTaps(adminChat, switches.button("Reopened"));
    var edited =
        telegram.awaitMessage(adminChat, before, c -> c.method().equals("editMessageText"));
    assertThat(edited.buttons()).hasSize(3);
    assertThat(edited.text()).contains("Which alerts");

    JsonNode urgent = fixtures.submit(Fixtures.complaint(Fixtures.reporter()));
    telegram.awaitText(
        adminChat, 0, "New high-urgency complaint " + urgent.get("reference").asString());

    String id = urgent.get("id").asString();
    before = telegram.count(porterChat);
    fixtures.assign(id, porter.id());
    var alert =
        telegram.awaitText(
            porterChat, before, "New assignment " + urgent.get("reference").asString());
    tap(porterChat, alert.button("Start"), "is now In progress");
    assertThat(status(id)).isEqualTo("in_progress");

    Api.Response off =
        api.patch(
            "/api/v1/staff/" + porter.id(),
            fixtures.adminToken(),
            java.util.Map.of("active", false));
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    tap(porterChat, alert.button("Resolved"), "not active");
    assertThat(status(id)).isEqualTo("in_progress");
    transcript("staff", porterChat);
  }

  @Test
  void linkedAdminsHearOfRepeatFaults() {
    Fixtures.Staff admin = fixtures.admin();
    long adminChat = chat();
    ask(adminChat, "/start link-" + linkCode(admin.token()), "Linked: you are");
    String room = "E" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 1000);
    JsonNode last = null;
    for (int i = 0; i < 3; i++) {
      var body = Fixtures.complaint(Fixtures.reporter());
      body.put("hostel", "block-c");
      body.put("room_number", room);
      body.put("category", "pest");
      body.put("severity", "low");
      last = fixtures.submit(body);
    }
    assertThat(last.get("repeat").asBoolean()).isTrue();
    telegram.awaitText(adminChat, 0, "Repeat fault " + last.get("reference").asString());
  }

  private String linkCode(String token) {
    Api.Response link = api.call("POST", "/api/v1/profile/telegram-link").token(token).send();
    assertThat(link.status()).as(link.toString()).isEqualTo(201);
    assertThat(link.json().get("start_command").asString()).startsWith("/start link-");
    return link.json().get("code").asString();
  }

  /** Writes the chat as read by a person to target/telegram-transcripts/, for docs/TELEGRAM.md. */
  private static void transcript(String name, long chat) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "telegram-transcripts");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.writeString(dir.resolve(name + ".txt"), telegram.transcript(chat));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String resolvedComplaint(long chat) {
    String id = fixtures.submit(Fixtures.complaint(Long.toString(chat))).get("id").asString();
    fixtures.move(id, "in_progress");
    fixtures.move(id, "resolved");
    return id;
  }

  private String status(String id) {
    return api.get("/api/v1/complaints/" + id, TestSetup.SERVICE_TOKEN)
        .json()
        .get("status")
        .asString();
  }

  private java.util.List<String> history(String id) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    api.get("/api/v1/complaints/" + id + "/history", fixtures.adminToken())
        .json()
        .forEach(e -> lines.add(e.get("action").asString() + ":" + e.get("to").asString()));
    return lines;
  }

  private long reportsOf(long chat) {
    return api.get("/api/v1/complaints?telegram_user_id=" + chat, fixtures.adminToken())
        .json()
        .get("total")
        .asLong();
  }

  private static long chat() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
  }

  private static FakeBotApi.Call ask(long chat, String text, String answer) {
    int before = telegram.count(chat);
    telegram.userSends(chat, text);
    return telegram.awaitText(chat, before, answer);
  }

  private static FakeBotApi.Call say(long chat, String text, String answer) {
    return ask(chat, text, answer);
  }

  private static FakeBotApi.Call tap(long chat, String data, String answer) {
    int before = telegram.count(chat);
    telegram.userTaps(chat, data);
    return telegram.awaitText(chat, before, answer);
  }

  private static String reference(String text) {
    Matcher m = Pattern.compile("C-[0-9]+").matcher(text);
    assertThat(m.find()).isTrue();
    return m.group();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
