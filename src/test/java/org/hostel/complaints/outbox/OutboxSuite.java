package org.hostel.complaints.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hostel.complaints.testing.Eventually.await;
import static org.hostel.complaints.testing.Eventually.sleep;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.hostel.complaints.observability.Scrape;
import org.hostel.complaints.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's promises, run once on SQLite and once on PostgreSQL through the {@code test} channel
 * ({@link RecordingSender}). Each test writes to recipients of its own, so they share one context.
 * The poll interval is long on purpose: a message that arrives quickly was woken by its commit or
 * by its own retry time, not found by a poll.
 */
@Import(RecordingSender.class)
abstract class OutboxSuite {

  static final Duration POLL = Duration.ofSeconds(3);

  static void quickRetries(DynamicPropertyRegistry registry) {
    registry.add("complaints.outbox.poll-interval", () -> POLL.toMillis() + "ms");
    registry.add("complaints.outbox.first-retry", () -> "100ms");
    registry.add("complaints.outbox.max-retry-delay", () -> "400ms");
    registry.add("complaints.outbox.max-attempts", () -> "5");
    registry.add("complaints.outbox.stale-after", () -> "2s");
  }

  @Autowired Outbox outbox;
  @Autowired RecordingSender sender;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void enqueueingOutsideATransactionIsRefused() {
    String chat = recipient();
    assertThatThrownBy(() -> outbox.enqueue(message(chat, "alone")))
        .isInstanceOf(IllegalTransactionStateException.class);
    assertThat(states(chat)).isEmpty();
  }

  @Test
  void aChangeThatIsRolledBackSendsNothing() {
    String chat = recipient();
    tx.executeWithoutResult(
        status -> {
          outbox.enqueue(message(chat, "never"));
          status.setRollbackOnly();
        });
    enqueue(chat, "marker");

    // Same recipient, so a stored "never" would have gone first.
    await("the marker is sent", () -> sender.delivered(chat).equals(List.of("marker")));
    awaitStates(chat, "sent");
    assertThat(sender.attempts(chat)).hasSize(1);
  }

  @Test
  void aMessageIsSentRightAfterItsCommitAndNotBefore() {
    String chat = recipient();
    long[] committed = new long[1];
    tx.executeWithoutResult(
        status -> {
          outbox.enqueue(message(chat, "after commit"));
          sleep(Duration.ofMillis(700));
          assertThat(sender.attempts(chat)).isEmpty();
          committed[0] = System.nanoTime();
        });

    await("it is sent", () -> sender.delivered(chat).size() == 1);
    long delay = sender.attempts(chat).getFirst().nanos() - committed[0];
    assertThat(Duration.ofNanos(delay)).isLessThan(POLL.dividedBy(3));
  }

  @Test
  void aDedupKeyIsStoredAndSentOnce() {
    String chat = recipient();
    String key = "test:resolved:" + UUID.randomUUID();
    OutgoingMessage once = new OutgoingMessage(RecordingSender.CHANNEL, chat, "resolved", "x", key);
    assertThat(enqueue(once)).isTrue();
    assertThat(enqueue(once)).isFalse();

    await("it is sent", () -> sender.delivered(chat).size() == 1);
    assertThat(enqueue(once)).isFalse();
    awaitStates(chat, "sent");
  }

  @Test
  void retriesHoldBackTheRecipientsLaterMessagesButNotOtherRecipients() {
    String slow = recipient();
    String other = recipient();
    sender.script(
        slow,
        RecordingSender.inTurn(
            new Delivery.RetryLater(null, "HTTP 502"), new Delivery.RetryLater(null, "HTTP 502")));
    enqueue(slow, "1");
    enqueue(slow, "2");
    enqueue(slow, "3");
    enqueue(other, "a");

    await("all are sent", () -> sender.delivered(slow).size() == 3);
    assertThat(sender.delivered(slow)).containsExactly("1", "2", "3");
    assertThat(sender.attempts(slow))
        .extracting(a -> a.message().payload())
        .containsExactly("1", "1", "1", "2", "3");
    assertThat(sender.attempts(slow).get(2).message().attempts()).isEqualTo(2);
    assertThat(sender.attempts(other).getFirst().nanos())
        .isLessThan(sender.attempts(slow).get(2).nanos());
  }

  @Test
  void aChannelsRetryAfterIsWaitedOut() {
    String chat = recipient();
    sender.script(
        chat, RecordingSender.inTurn(new Delivery.RetryLater(Duration.ofMillis(1500), "HTTP 429")));
    enqueue(chat, "limited");

    await("it is sent", () -> sender.delivered(chat).size() == 1);
    List<RecordingSender.Attempt> attempts = sender.attempts(chat);
    assertThat(attempts).hasSize(2);
    Duration between = Duration.ofNanos(attempts.get(1).nanos() - attempts.get(0).nanos());
    assertThat(between).isBetween(Duration.ofMillis(1500), POLL);
  }

  @Test
  void aRecipientThatIsGoneGetsNothingMoreUntilItIsReachableAgain() {
    String chat = recipient();
    sender.script(chat, m -> new Delivery.RecipientGone("HTTP 403"));
    enqueue(chat, "first", "second");

    await("the recipient is unreachable", () -> !outbox.isReachable(RecordingSender.CHANNEL, chat));
    enqueue(chat, "while gone");
    assertThat(states(chat)).containsExactly("failed", "suppressed", "suppressed");
    assertThat(lastErrors(chat).getFirst()).isEqualTo("HTTP 403");

    sender.script(chat, m -> new Delivery.Sent());
    outbox.markReachable(RecordingSender.CHANNEL, chat);
    enqueue(chat, "back");
    await("the new message is sent", () -> sender.delivered(chat).equals(List.of("back")));
    assertThat(sender.attempts(chat))
        .extracting(a -> a.message().payload())
        .containsExactly("first", "back");
  }

  @Test
  void aRejectedMessageIsRecordedAndTheNextOneGoes() {
    String chat = recipient();
    sender.script(chat, RecordingSender.inTurn(new Delivery.Rejected("HTTP 400")));
    enqueue(chat, "bad", "good");

    await("the next one is sent", () -> sender.delivered(chat).equals(List.of("good")));
    awaitStates(chat, "failed", "sent");
    assertThat(lastErrors(chat).getFirst()).isEqualTo("HTTP 400");
    assertThat(outbox.isReachable(RecordingSender.CHANNEL, chat)).isTrue();
  }

  @Test
  void messagesWaitOutAChannelOutageAndArriveOnceEachInOrder() {
    AtomicBoolean down = new AtomicBoolean(true);
    List<String> chats = List.of(recipient(), recipient(), recipient());
    chats.forEach(
        chat ->
            sender.script(
                chat,
                m ->
                    down.get()
                        ? new Delivery.RetryLater(null, "connection refused")
                        : new Delivery.Sent()));
    for (int i = 1; i <= 5; i++) {
      int n = i;
      tx.executeWithoutResult(s -> chats.forEach(chat -> outbox.enqueue(message(chat, "m" + n))));
    }
    await(
        "each first message failed twice",
        () -> chats.stream().allMatch(c -> sender.attempts(c).size() >= 2));
    down.set(false);

    List<String> expected = IntStream.rangeClosed(1, 5).mapToObj(i -> "m" + i).toList();
    await("all arrive", () -> chats.stream().allMatch(c -> sender.delivered(c).size() == 5));
    chats.forEach(chat -> assertThat(sender.delivered(chat)).isEqualTo(expected));
    chats.forEach(chat -> awaitStates(chat, "sent", "sent", "sent", "sent", "sent"));
  }

  @Test
  void aMessageOutOfAttemptsIsRecordedAsFailedAndTheQueueMovesOn() {
    String chat = recipient();
    sender.script(
        chat,
        m ->
            m.payload().equals("doomed")
                ? new Delivery.RetryLater(null, "HTTP 500")
                : new Delivery.Sent());
    enqueue(chat, "doomed", "next");

    await("the next one is sent", () -> sender.delivered(chat).equals(List.of("next")));
    assertThat(sender.attempts(chat)).hasSize(6);
    awaitStates(chat, "failed", "sent");
    assertThat(lastErrors(chat).getFirst()).isEqualTo("gave up after 5 attempts: HTTP 500");
  }

  @Test
  void aMessageClaimedByAnInstanceThatDiedIsSentOnceTheClaimRunsOut() {
    String chat = recipient();
    long[] claimEnds = new long[1];
    // What an instance that claimed the row and then died leaves behind.
    tx.executeWithoutResult(
        s -> {
          outbox.enqueue(message(chat, "orphan"));
          claimEnds[0] = System.currentTimeMillis() + 1500;
          jdbc.sql(
                  "UPDATE outbox_messages SET claimed_by = 'dead-instance', claimed_until = :until"
                      + " WHERE recipient = :chat")
              .param("until", claimEnds[0])
              .param("chat", chat)
              .update();
        });

    sleep(Duration.ofMillis(1000));
    assertThat(sender.attempts(chat)).isEmpty();
    await("it is sent", () -> sender.delivered(chat).size() == 1);
    assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(claimEnds[0]);
    awaitStates(chat, "sent");
  }

  @Test
  void theDeliveryFiguresAreOnMetricsUnderTheirContractNames() {
    String chat = recipient();
    sender.script(chat, RecordingSender.inTurn(new Delivery.RetryLater(null, "HTTP 502")));
    enqueue(chat, "counted");
    await("it is sent", () -> sender.delivered(chat).size() == 1);

    Scrape scrape = Scrape.parse(Api.onPort(port).get("/metrics", null).body());
    Map<String, String> test = Map.of("channel", RecordingSender.CHANNEL);
    assertThat(scrape.types())
        .containsEntry("outbox_messages_pending", "gauge")
        .containsEntry("outbox_oldest_pending_age_seconds", "gauge")
        .containsEntry("outbox_sent_total", "counter")
        .containsEntry("outbox_send_failures_total", "counter")
        .containsEntry("outbox_delivery_delay_seconds", "histogram");
    assertThat(scrape.labelSets("outbox_messages_pending")).containsExactly(Set.of("channel"));
    assertThat(scrape.value("outbox_sent_total", test)).isGreaterThanOrEqualTo(1);
    assertThat(
            scrape.value(
                "outbox_send_failures_total",
                Map.of("channel", RecordingSender.CHANNEL, "reason", "retry")))
        .isGreaterThanOrEqualTo(1);
    assertThat(scrape.value("outbox_delivery_delay_seconds_count", test)).isGreaterThanOrEqualTo(1);
  }

  @Test
  void readinessShowsAStuckOutboxWithoutFailing() {
    String chat = recipient();
    AtomicBoolean down = new AtomicBoolean(true);
    // The retry falls due well after stale-after (2 s) and the next poll (3 s).
    sender.script(
        chat,
        m ->
            down.get()
                ? new Delivery.RetryLater(Duration.ofSeconds(8), "HTTP 503")
                : new Delivery.Sent());
    enqueue(chat, "stuck");
    Api api = Api.onPort(port);

    await(
        "the outbox shows as degraded",
        () ->
            api.get("/health/ready", null)
                .json()
                .at("/checks/outbox/status")
                .asString()
                .equals("degraded"));
    Api.Response ready = api.get("/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asString()).isEqualTo("up");

    down.set(false);
    await("it is sent", () -> sender.delivered(chat).size() == 1);
    await(
        "the outbox is up again",
        () ->
            api.get("/health/ready", null)
                .json()
                .at("/checks/outbox/status")
                .asString()
                .equals("up"));
  }

  static String recipient() {
    return "chat-" + UUID.randomUUID();
  }

  static OutgoingMessage message(String recipient, String payload) {
    return new OutgoingMessage(RecordingSender.CHANNEL, recipient, "test_message", payload, null);
  }

  /** Enqueues the payloads in one transaction, in order. */
  void enqueue(String recipient, String... payloads) {
    tx.executeWithoutResult(
        s -> {
          for (String payload : payloads) {
            outbox.enqueue(message(recipient, payload));
          }
        });
  }

  boolean enqueue(OutgoingMessage message) {
    return Boolean.TRUE.equals(tx.execute(s -> outbox.enqueue(message)));
  }

  List<String> states(String recipient) {
    return jdbc.sql("SELECT state FROM outbox_messages WHERE recipient = :r ORDER BY seq")
        .param("r", recipient)
        .query(String.class)
        .list();
  }

  /** Outcomes are written just after the sender answers, so tests wait for them. */
  void awaitStates(String recipient, String... expected) {
    await("states " + List.of(expected), () -> states(recipient).equals(List.of(expected)));
  }

  List<String> lastErrors(String recipient) {
    return jdbc.sql("SELECT last_error FROM outbox_messages WHERE recipient = :r ORDER BY seq")
        .param("r", recipient)
        .query(String.class)
        .list();
  }
}
