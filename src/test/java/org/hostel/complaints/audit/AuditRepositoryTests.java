package org.hostel.complaints.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hostel.complaints.testing.BothDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit log's SQL on both databases: filters (with LIKE taken literally), pages, retention. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditRepositoryTests {

  private final BothDatabases databases = new BothDatabases();

  Stream<AuditRepository> vendors() {
    return databases.clients().stream().map(AuditRepository::new);
  }

  @AfterAll
  void close() {
    databases.close();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void filtersPagesAndRetention(AuditRepository rows) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    UUID actor = UUID.randomUUID();
    Instant t = Instant.parse("2020-01-01T00:00:00Z");
    rows.append(entry(t, actor, "ann_" + tag + "@x.org", "login.failed"));
    rows.append(entry(t.plusSeconds(1), actor, "ann_" + tag + "@x.org", "login.succeeded"));
    rows.append(entry(t.plusSeconds(2), null, "annX" + tag + "@x.org", "login.failed"));
    rows.append(entry(t.plusSeconds(3), actor, "ann_" + tag + "@x.org", "loginxfailed"));

    assertThat(rows.count(new AuditFilter("login.", actor.toString(), null, null))).isEqualTo(2);
    // "_" in the actor text and "." in the action prefix match only themselves.
    assertThat(rows.count(new AuditFilter(null, "ANN_" + tag, null, null))).isEqualTo(3);
    assertThat(rows.count(new AuditFilter("login.", "ann", t, null))).isGreaterThanOrEqualTo(3);
    assertThat(rows.count(new AuditFilter("login.failed", tag, null, t.plusSeconds(2))))
        .isEqualTo(1);
    List<AuditEntry> page = rows.find(new AuditFilter(null, tag, null, null), 1, 2);
    assertThat(page)
        .extracting(AuditEntry::action)
        .containsExactly("login.failed", "login.succeeded");
    assertThat(page.getFirst().actorId()).isNull();
    List<AuditEntry> all = new ArrayList<>();
    rows.each(new AuditFilter(null, tag, null, null), 10, all::add);
    assertThat(all).hasSize(4);
    assertThat(all.getFirst().address()).isEqualTo("10.0.0.1");

    assertThat(rows.deleteBefore(t.plusSeconds(2).toEpochMilli())).isGreaterThanOrEqualTo(2);
    assertThat(rows.count(new AuditFilter(null, tag, null, null))).isEqualTo(2);
  }

  static AuditEntry entry(Instant at, UUID actorId, String actor, String action) {
    return new AuditEntry(0, at, actorId, actor, action, "target", "detail", "10.0.0.1", "req-1");
  }
}
