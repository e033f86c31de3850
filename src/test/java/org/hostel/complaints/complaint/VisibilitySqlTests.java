package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.storage.Ids;
import org.hostel.complaints.testing.BothDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The policy's SQL form of visibility admits exactly the complaints its in-memory check does, on
 * both databases and everywhere it filters: the list, the figures and the photo hand-off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilitySqlTests {

  private final BothDatabases databases = new BothDatabases();
  private final ComplaintPolicy policy = new ComplaintPolicy();

  Stream<JdbcClient> vendors() {
    return databases.clients().stream();
  }

  @AfterAll
  void close() {
    databases.close();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void theSqlFormAdmitsExactlyWhatTheCheckAdmits(JdbcClient jdbc) {
    ComplaintRepository complaints = new ComplaintRepository(jdbc);
    StatsRepository stats = new StatsRepository(jdbc);
    UUID porter = staff(jdbc);
    UUID colleague = staff(jdbc);
    List<Complaint> table = new ArrayList<>();
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    for (Status status : Status.values()) {
      for (UUID assignee : new UUID[] {null, porter, colleague}) {
        Complaint c = complaint(status, assignee, at.plusSeconds(table.size()));
        complaints.insert(c);
        table.add(c);
      }
    }
    List<Caller> callers =
        List.of(
            new Caller(Caller.Kind.ADMIN, staff(jdbc), null, null),
            new Caller(Caller.Kind.PORTER, porter, null, null),
            new Caller(Caller.Kind.PORTER, colleague, null, null),
            new Caller(Caller.Kind.PORTER, staff(jdbc), null, null),
            Caller.integration());

    for (Caller caller : callers) {
      List<Complaint> seen = table.stream().filter(c -> policy.canSee(caller, c)).toList();
      String who = caller.kind() + " " + caller.staffId();

      var filter = everything(policy.visibleTo(caller, "c"));
      assertThat(
              complaints.listing(null).page(filter, SortOrder.OLDEST, 100, 0, null, false).items())
          .as("list for %s", who)
          .extracting(Complaint::id)
          .containsExactlyElementsOf(seen.stream().map(Complaint::id).toList());
      assertThat(complaints.count(filter)).as("count for %s", who).isEqualTo(seen.size());

      Map<String, Long> perStatus =
          seen.stream()
              .collect(Collectors.groupingBy(c -> c.status().value(), Collectors.counting()));
      assertThat(stats.byStatus(policy.visibleTo(caller, "c")))
          .as("figures for %s", who)
          .isEqualTo(perStatus);

      for (Complaint c : table) {
        Optional<Complaint> touched =
            complaints.touch(c.id(), at, policy.visibleTo(caller, "complaints"));
        assertThat(touched.isPresent())
            .as("photo hand-off for %s on one assigned to %s", who, c.assignedPorterId())
            .isEqualTo(policy.canSee(caller, c));
        touched.ifPresent(t -> assertThat(t).isEqualTo(complaints.find(c.id()).orElseThrow()));
      }
    }
  }

  private static ComplaintRepository.Filter everything(ComplaintPolicy.Condition visibility) {
    return new ComplaintRepository.Filter(
        null, null, null, null, null, null, null, visibility, null, null, null);
  }

  /** A porter row to assign complaints to. */
  static UUID staff(JdbcClient jdbc) {
    UUID id = Ids.newId();
    jdbc.sql(
            """
            INSERT INTO staff (id, full_name, role, password_hash, created_at)
            VALUES (:id, 'Test porter', 'porter', 'x', 0)
            """)
        .param("id", id.toString())
        .update();
    return id;
  }

  private static Complaint complaint(Status status, @Nullable UUID assignee, Instant at) {
    return new Complaint(
        Ids.newId(),
        0,
        null,
        "block-a",
        "A",
        "A101",
        "plumbing",
        "Window will not close",
        Severity.MEDIUM,
        status,
        assignee,
        null,
        1,
        at,
        at,
        Priority.NORMAL,
        null,
        Sla.NONE);
  }
}
