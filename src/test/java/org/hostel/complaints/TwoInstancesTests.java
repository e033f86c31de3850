package org.hostel.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostel.complaints.testing.Eventually.await;
import static org.hostel.complaints.testing.Eventually.sleep;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.hostel.complaints.outbox.Delivery;
import org.hostel.complaints.outbox.Outbox;
import org.hostel.complaints.outbox.OutgoingMessage;
import org.hostel.complaints.outbox.RecordingSender;
import org.hostel.complaints.scheduling.Lease;
import org.hostel.complaints.scheduling.Leases;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances on one PostgreSQL database: two application contexts in this JVM, each with its own
 * dispatcher, claims, lock holder name and {@code test} channel, racing for the same rows and
 * locks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTests {

  final PostgresDatabase database = PostgresDatabase.create();
  ConfigurableApplicationContext a;
  ConfigurableApplicationContext b;

  @BeforeAll
  void start() {
    a = instance();
    b = instance();
  }

  @AfterAll
  void stop() {
    a.close();
    b.close();
    database.drop();
  }

  @Test
  void everyOutboxMessageIsSentExactlyOnceAndInOrderPerRecipient() {
    List<ConfigurableApplicationContext> instances = List.of(a, b);
    List<String> chats = IntStream.range(0, 20).mapToObj(i -> "chat-" + UUID.randomUUID()).toList();
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
    List<RecordingSender.Attempt> sent =
        instances.stream().flatMap(i -> i.getBean(RecordingSender.class).sent().stream()).toList();
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

  @Test
  void aLockedJobThatBothInstancesScheduleRunsOnOneAtATime() {
    // Each instance schedules it ten times a second; the lock lets one run start per second.
    int before = runs();
    sleep(Duration.ofMillis(3500));
    int during = runs() - before;
    assertThat(during).isBetween(2, 5);
  }

  @Test
  void theOtherInstanceTakesALeaseOverWhenItsHolderStopsRenewing() {
    Duration ttl = Duration.ofSeconds(2);
    Lease held = a.getBean(Leases.class).tryAcquire("poller", ttl).orElseThrow();
    Leases other = b.getBean(Leases.class);
    assertThat(other.tryAcquire("poller", ttl)).isEmpty();
    assertThat(held.renew()).isTrue();
    long stopped = System.nanoTime();

    Lease taken = null;
    while (taken == null) {
      assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(ttl.plusSeconds(1));
      sleep(Duration.ofMillis(100));
      taken = other.tryAcquire("poller", ttl).orElse(null);
    }
    assertThat(held.renew()).isFalse();
    taken.release();
  }

  int runs() {
    return a.getBean(CountingJob.class).runs() + b.getBean(CountingJob.class).runs();
  }

  /** A job locked for at least a second each run, scheduled by every instance. */
  public static class CountingJob {

    private final AtomicInteger runs = new AtomicInteger();

    @Scheduled(fixedRate = 100)
    @SchedulerLock(name = "test-counting-job", lockAtLeastFor = "PT1S", lockAtMostFor = "PT10S")
    public void run() {
      runs.incrementAndGet();
    }

    /** A method, not the field: the bean is a proxy that applies the lock. */
    public int runs() {
      return runs.get();
    }
  }

  static void enqueue(ConfigurableApplicationContext instance, String chat, String payload) {
    Outbox outbox = instance.getBean(Outbox.class);
    OutgoingMessage message =
        new OutgoingMessage(RecordingSender.CHANNEL, chat, "test_message", payload, null);
    instance.getBean(TransactionTemplate.class).executeWithoutResult(s -> outbox.enqueue(message));
  }

  ConfigurableApplicationContext instance() {
    return TestSetup.instanceOn(
        database,
        List.of("--complaints.outbox.poll-interval=200ms", "--complaints.outbox.parallelism=4"),
        RecordingSender.class,
        CountingJob.class);
  }
}
