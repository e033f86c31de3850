package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.storage.Ids;
import org.hostel.complaints.testing.BothDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same SQL on both databases: filters, ordering, paging, optimistic updates, purge and
 * references.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintRepositoryTests {

  private final BothDatabases databases = new BothDatabases();

  Stream<ComplaintRepository> vendors() {
    return databases.clients().stream().map(ComplaintRepository::new);
  }

  @AfterAll
  void close() {
    databases.close();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void filtersCombineAndPagesComeNewestFirst(ComplaintRepository repository) {
    String reporter = UUID.randomUUID().toString().substring(0, 8);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 6; i++) {
      repository.insert(
          complaint(
              reporter,
              i % 2 == 0 ? Severity.HIGH : Severity.LOW,
              "Leak number " + i,
              t.plusSeconds(i)));
    }
    var mine = filter(reporter, null, null);
    assertThat(repository.count(mine)).isEqualTo(6);
    assertThat(repository.page(mine, 2, 0))
        .extracting(Complaint::description)
        .containsExactly("Leak number 5", "Leak number 4");
    assertThat(repository.page(mine, 4, 4))
        .extracting(Complaint::description)
        .containsExactly("Leak number 1", "Leak number 0");
    assertThat(repository.count(filter(reporter, Severity.HIGH, null))).isEqualTo(3);
    assertThat(repository.count(filter(reporter, null, "NUMBER 3"))).isEqualTo(1);
    assertThat(repository.count(filter(reporter, null, "100%"))).isZero();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void anUpdateAgainstAStaleVersionChangesNothing(ComplaintRepository repository) {
    Complaint stored = complaint("1", Severity.LOW, "Door hinge broken", Instant.now());
    repository.insert(stored);
    Complaint started = stored.with(Status.IN_PROGRESS, null, 2, Instant.now());
    assertThat(repository.update(started, 1)).isTrue();
    assertThat(repository.update(stored.with(Status.RESOLVED, null, 2, Instant.now()), 1))
        .isFalse();
    assertThat(repository.find(stored.id()).orElseThrow().status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(repository.find(stored.id()).orElseThrow().version()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void purgeDeletesOnlyComplaintsThatAreStillFinished(ComplaintRepository repository) {
    Instant old = Instant.parse("2020-01-01T00:00:00Z");
    Complaint open = complaint("2", Severity.LOW, "Still dripping today", old);
    Complaint done =
        complaint("2", Severity.LOW, "Fixed the window", old).with(Status.CLOSED, null, 1, old);
    repository.insert(open);
    repository.insert(done);
    assertThat(repository.finishedBefore(Status.CLOSED, old.plusSeconds(1))).contains(done.id());
    assertThat(repository.deleteFinished(List.of(open.id(), done.id()))).containsExactly(done.id());
    assertThat(repository.find(open.id())).isPresent();
    assertThat(repository.find(done.id())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aChangeMadeWhileThePurgeRunsWins(ComplaintRepository repository) {
    Instant old = Instant.parse("2020-01-01T00:00:00Z");
    Complaint done =
        complaint("2", Severity.LOW, "Fixed the door", old).with(Status.RESOLVED, null, 1, old);
    repository.insert(done);
    Instant cutoff = old.plusSeconds(60);
    assertThat(repository.finishedBefore(Status.RESOLVED, cutoff)).contains(done.id());
    // changed after the purge chose it, resolved again: newer than the cutoff now
    Instant now = old.plusSeconds(120);
    assertThat(repository.update(done.with(Status.RESOLVED, null, 2, now), 1)).isTrue();
    assertThat(repository.deleteFinished(List.of(done.id()), cutoff)).isEmpty();
    assertThat(repository.find(done.id())).isPresent();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void concurrentInsertsGetDistinctConsecutiveReferences(ComplaintRepository repository)
      throws Exception {
    String reporter = UUID.randomUUID().toString().substring(0, 8);
    List<Callable<Long>> inserts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      inserts.add(
          () ->
              repository.insert(
                  complaint(reporter, Severity.LOW, "Concurrent leak", Instant.now())));
    }
    List<Long> numbers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<Long> f : pool.invokeAll(inserts)) {
        numbers.add(f.get());
      }
    }
    assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n > 0);
    assertThat(Collections.max(numbers) - Collections.min(numbers)).isEqualTo(39);
    for (Long n : numbers) {
      Complaint found = repository.findByNumber(n).orElseThrow();
      assertThat(found.reference()).isEqualTo("C-" + n);
      assertThat(found.telegramUserId()).isEqualTo(reporter);
    }
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aPurgedNewestComplaintDoesNotGiveItsReferenceAway(ComplaintRepository repository) {
    Instant old = Instant.parse("2020-01-01T00:00:00Z");
    Complaint done =
        complaint("3", Severity.LOW, "Fixed the window", old).with(Status.CLOSED, null, 1, old);
    long purged = repository.insert(done);
    assertThat(repository.deleteFinished(List.of(done.id()))).containsExactly(done.id());
    long next = repository.insert(complaint("3", Severity.LOW, "Another leak", Instant.now()));
    assertThat(next).isGreaterThan(purged);
    assertThat(repository.findByNumber(purged)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void theSearchFindsAComplaintByItsReferenceHoweverItIsTyped(ComplaintRepository repository) {
    String reporter = UUID.randomUUID().toString().substring(0, 8);
    long number = repository.insert(complaint(reporter, Severity.LOW, "Lamp out", Instant.now()));
    repository.insert(complaint(reporter, Severity.LOW, "Other lamp out", Instant.now()));
    for (String typed : List.of("C-" + number, "c" + number, " c-" + number + " ")) {
      assertThat(repository.page(filter(reporter, null, typed.strip()), 10, 0))
          .as(typed)
          .extracting(Complaint::number)
          .containsExactly(number);
    }
  }

  private static ComplaintRepository.Filter filter(
      String reporter, Severity severity, String text) {
    return new ComplaintRepository.Filter(
        null,
        null,
        null,
        severity,
        reporter,
        null,
        text,
        new ComplaintPolicy().visibleTo(Caller.integration(), "c"),
        null,
        null,
        null);
  }

  private static Complaint complaint(String reporter, Severity severity, String text, Instant at) {
    return new Complaint(
        Ids.newId(),
        0,
        reporter,
        "block-a",
        "A",
        "A101",
        "plumbing",
        text,
        severity,
        Status.REPORTED,
        null,
        null,
        1,
        at,
        at,
        Priority.NORMAL,
        null,
        Sla.NONE);
  }
}
