package org.hostel.complaints.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import javax.sql.DataSource;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Statements over the threshold are logged normalised with their request id, and counted. */
@DirtiesContext
@EmbeddedContext
@ExtendWith(OutputCaptureExtension.class)
class SlowQueryLogTests {

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    // Every statement counts as slow here, so a plain request shows the log.
    registry.add("complaints.observability.slow-query-threshold", () -> "0ms");
  }

  @Autowired MeterRegistry meters;
  @Autowired DataSource dataSource;

  @Test
  void theTimedDataSourceWrapsTheSerialisedEmbeddedPoolNotThePoolItself() {
    List<String> chain = new java.util.ArrayList<>();
    Object source = dataSource;
    while (source instanceof DelegatingDataSource delegating) {
      chain.add(source.getClass().getSimpleName());
      source = delegating.getTargetDataSource();
    }
    chain.add(source.getClass().getSimpleName());
    assertThat(chain).containsExactly("Timed", "SerializedSqliteWrites", "HikariDataSource");
  }

  @Test
  void aSlowStatementIsLoggedWithItsRequestIdAndNormalisedTextAndCounted(
      Api api, CapturedOutput output) {
    double before = count();
    Api.Response submitted =
        api.call("POST", "/api/v1/complaints/submit")
            .token(TestSetup.SERVICE_TOKEN)
            .header("X-Request-Id", "slow-sql-test-1")
            .json(Fixtures.complaint(Fixtures.reporter()))
            .send();
    assertThat(submitted.status()).isEqualTo(201);

    List<JsonNode> slow =
        RequestLogTests.jsonLines(output).stream()
            .filter(l -> l.path("log").path("logger").asString("").endsWith("SlowQueryLog"))
            .filter(l -> l.path("request_id").asString("").equals("slow-sql-test-1"))
            .toList();
    assertThat(slow).isNotEmpty();
    assertThat(slow.stream().map(l -> l.path("sql").asString()))
        .anySatisfy(sql -> assertThat(sql).startsWith("INSERT INTO complaints"));
    assertThat(slow.getFirst().path("message").asString()).startsWith("Slow SQL (");
    assertThat(slow.getFirst().path("duration_ms").isNumber()).isTrue();
    assertThat(count()).isGreaterThan(before);
  }

  @Test
  void valuesAreTakenOutOfTheText() {
    assertThat(
            SqlText.normalise(
                "SELECT *  FROM complaints\n WHERE hostel = 'block-a' AND n > 42 AND id IN (?, ?,"
                    + " ?) AND note = 'it''s' LIMIT 20"))
        .isEqualTo(
            "SELECT * FROM complaints WHERE hostel = ? AND n > ? AND id IN (?...) AND note = ?"
                + " LIMIT ?");
    assertThat(SqlText.normalise("SELECT v2 FROM t3")).isEqualTo("SELECT v2 FROM t3");
  }

  private double count() {
    var counter = meters.find(SlowQueryLog.METRIC).counter();
    return counter == null ? 0 : counter.count();
  }
}
