package org.hostel.complaints.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostel.complaints.testing.Eventually.await;
import static org.hostel.complaints.testing.Eventually.sleep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hostel.complaints.ComplaintsApplication;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances on one PostgreSQL database: two application contexts in this JVM, each with its own
 * dispatcher, claims and {@code test} channel, racing for the same rows.
 */
class OutboxInstancesTests {

  static final PostgresDatabase DATABASE = PostgresDatabase.create();

  @AfterAll
  static void drop() {
    DATABASE.drop();
  }

  @Test
  void twoInstancesSendEveryMessageExactlyOnceAndInOrderPerRecipient() {
    try (ConfigurableApplicationContext a = instance();
        ConfigurableApplicationContext b = instance()) {
      List<ConfigurableApplicationContext> instances = List.of(a, b);
      List<String> chats =
          IntStream.range(0, 20).mapToObj(i -> "chat-" + UUID.randomUUID()).toList();
      for (ConfigurableApplicationContext instance : instances) {
        // Each send takes a little while, as a call over the network would.
        chats.forEach(
            chat ->
                instance
                    .getBean(RecordingSender.class)
                    .script(
                        chat,
                        m -> {
                          sleep(Duration.ofMillis(5));
                          return new Delivery.Sent();
                        }));
      }
      for (int n = 1; n <= 10; n++) {
        for (int c = 0; c < chats.size(); c++) {
          enqueue(instances.get((n + c) % 2), chats.get(c), "m" + n);
        }
      }

      await(
          "every row is recorded as sent",
          () ->
              a.getBean(JdbcClient.class)
                      .sql("SELECT count(*) FROM outbox_messages WHERE state = 'sent'")
                      .query(Long.class)
                      .single()
                  == 200);
      List<RecordingSender.Attempt> sent = sent(instances);
      assertThat(sent).hasSize(200);
      assertThat(sent.stream().map(s -> s.message().id()).distinct()).hasSize(200);
      List<String> inOrder = IntStream.rangeClosed(1, 10).mapToObj(n -> "m" + n).toList();
      Map<String, List<String>> byChat =
          sent.stream()
              .sorted(Comparator.comparingLong(RecordingSender.Attempt::nanos))
              .collect(
                  Collectors.groupingBy(
                      s -> s.message().recipient(),
                      Collectors.mapping(s -> s.message().payload(), Collectors.toList())));
      chats.forEach(chat -> assertThat(byChat.get(chat)).isEqualTo(inOrder));
      assertThat(a.getBean(RecordingSender.class).sent()).isNotEmpty();
      assertThat(b.getBean(RecordingSender.class).sent()).isNotEmpty();
    }
  }

  static List<RecordingSender.Attempt> sent(List<ConfigurableApplicationContext> instances) {
    return instances.stream()
        .map(i -> i.getBean(RecordingSender.class).sent())
        .flatMap(List::stream)
        .toList();
  }

  static void enqueue(ConfigurableApplicationContext instance, String chat, String payload) {
    Outbox outbox = instance.getBean(Outbox.class);
    instance
        .getBean(TransactionTemplate.class)
        .executeWithoutResult(s -> outbox.enqueue(OutboxSuite.message(chat, payload)));
  }

  static ConfigurableApplicationContext instance() {
    List<String> args = new ArrayList<>();
    TestSetup.common((name, value) -> args.add("--" + name + "=" + value.get()));
    args.addAll(
        List.of(
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--spring.datasource.url=" + DATABASE.url(),
            "--spring.datasource.username=" + PostgresDatabase.USER,
            "--spring.datasource.password=",
            "--spring.datasource.hikari.maximum-pool-size=6",
            "--complaints.outbox.poll-interval=200ms",
            "--complaints.outbox.parallelism=4"));
    return new SpringApplicationBuilder(ComplaintsApplication.class, RecordingSender.class)
        .run(args.toArray(String[]::new));
  }
}
