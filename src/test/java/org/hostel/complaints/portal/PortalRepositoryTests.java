package org.hostel.complaints.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.hostel.complaints.testing.BothDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The portal's SQL on both databases: links, opt-in, photo places, spam and blocks, cascade. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalRepositoryTests {

  private final BothDatabases databases = new BothDatabases();

  Stream<JdbcClient> vendors() {
    return databases.clients().stream();
  }

  @AfterAll
  void close() {
    databases.close();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aReportLivesAndDiesWithItsComplaint(JdbcClient jdbc) {
    PortalRepository reports = new PortalRepository(jdbc);
    Instant now = Instant.parse("2026-12-02T10:00:00Z");
    UUID id = complaint(jdbc, now);
    String token = PortalKeys.hash(PortalKeys.token());
    reports.insert(id, token, "Ada", "ada@mail.example", "source-1", now);

    PortalRepository.Report report = reports.byToken(token).orElseThrow();
    assertThat(report.mailTo()).isEmpty();
    assertThat(reports.confirmEmail(id, now)).isTrue();
    assertThat(reports.confirmEmail(id, now)).isFalse();
    assertThat(reports.byComplaint(id).orElseThrow().mailTo()).hasValue("ada@mail.example");
    reports.unsubscribe(id, now);
    assertThat(reports.byComplaint(id).orElseThrow().mailTo()).isEmpty();

    for (int i = 0; i < 5; i++) {
      assertThat(reports.claimPhoto(id, 5)).isTrue();
    }
    assertThat(reports.claimPhoto(id, 5)).isFalse();
    reports.releasePhoto(id);
    assertThat(reports.claimPhoto(id, 5)).isTrue();

    assertThat(reports.markSpam(id, now)).isTrue();
    assertThat(reports.byToken(token)).isEmpty();
    assertThat(reports.revoke(id, now)).isFalse();
    reports.block("source-1", now.plusSeconds(60));
    reports.block("source-1", now.plusSeconds(120));
    assertThat(reports.blocked("source-1", now.plusSeconds(90))).isTrue();
    assertThat(reports.blocked("source-1", now.plusSeconds(120))).isFalse();

    jdbc.sql("DELETE FROM complaints WHERE id = :id").param("id", id.toString()).update();
    assertThat(reports.byComplaint(id)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void existingComplaintsGetTheirChannelFromTheirReporter(JdbcClient jdbc) {
    UUID id = complaint(jdbc, Instant.parse("2026-12-02T10:00:00Z"));
    assertThat(
            jdbc.sql("SELECT channel FROM complaints WHERE id = :id")
                .param("id", id.toString())
                .query(String.class)
                .single())
        .isEqualTo("staff");
  }

  private static UUID complaint(JdbcClient jdbc, Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO complaints (id, hostel, wing, room_number, category, description, severity,
                status, version, created_at, updated_at)
            VALUES (:id, 'block-a', 'B', 'B101', 'plumbing', 'A leak under the basin', 'low',
                'reported', 1, :at, :at)
            """)
        .param("id", id.toString())
        .param("at", at.toEpochMilli())
        .update();
    return id;
  }
}
