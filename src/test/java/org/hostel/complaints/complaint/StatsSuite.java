package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The figures behind the header strip and the statistics page, run on each database. */
// A context of its own: the median and the period counts must see only this suite's rows.
@TestPropertySource(properties = "test.context=statistics")
abstract class StatsSuite {

  @Autowired JdbcClient jdbc;
  Api api;
  Fixtures fixtures;
  String admin;

  @BeforeEach
  void setUp(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
    admin = fixtures.adminToken();
  }

  JsonNode counts(String token) {
    Api.Response response = api.get("/api/v1/complaints/counts", token);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  JsonNode stats(String token, String query) {
    Api.Response response = api.get("/api/v1/complaints/stats" + query, token);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  static long status(JsonNode figures, String status) {
    return figures.get("by_status").get(status).asLong();
  }

  @Test
  void countsPerStatusCoverEverythingForAdminsAndOnlyTheirViewForPorters() {
    Fixtures.Staff porter = fixtures.porter();
    Fixtures.Staff other = fixtures.porter();
    JsonNode adminBefore = counts(admin);
    JsonNode porterBefore = counts(porter.token());
    String mine = fixtures.submit().get("id").asString();
    fixtures.assign(mine, porter.id());
    fixtures.move(mine, "in_progress");
    fixtures.assign(fixtures.submit().get("id").asString(), other.id());
    fixtures.submit();

    JsonNode adminAfter = counts(admin);
    JsonNode porterAfter = counts(porter.token());

    assertThat(adminAfter.get("total").asLong() - adminBefore.get("total").asLong()).isEqualTo(3);
    assertThat(status(adminAfter, "reported") - status(adminBefore, "reported")).isEqualTo(2);
    assertThat(status(adminAfter, "in_progress") - status(adminBefore, "in_progress")).isEqualTo(1);
    assertThat(porterAfter.get("total").asLong() - porterBefore.get("total").asLong())
        .as("their own and the unassigned one, not the colleague's")
        .isEqualTo(2);
    assertThat(status(porterAfter, "reported") - status(porterBefore, "reported")).isEqualTo(1);
  }

  @Test
  void openComplaintsAreCountedByHostelAndCategoryAndCreationsPerDay() {
    JsonNode before = stats(admin, "?days=7");
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    body.put("hostel", "block-d");
    body.put("category", "pest");
    fixtures.submit(body);

    JsonNode after = stats(admin, "?days=7");

    assertThat(after.get("days").asInt()).isEqualTo(7);
    assertThat(after.get("open").asLong() - before.get("open").asLong()).isEqualTo(1);
    assertThat(
            count(after, "open_by_hostel", "hostel", "block-d")
                - count(before, "open_by_hostel", "hostel", "block-d"))
        .isEqualTo(1);
    assertThat(
            count(after, "open_by_category", "category", "pest")
                - count(before, "open_by_category", "category", "pest"))
        .isEqualTo(1);
    JsonNode days = after.get("created_per_day");
    assertThat(days).hasSize(7);
    JsonNode today = days.get(6);
    assertThat(today.get("date").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(
            today.get("count").asLong()
                - before.get("created_per_day").get(6).get("count").asLong())
        .isEqualTo(1);
  }

  @Test
  void theMedianTimeToResolveIsTheMiddleOfTheFirstResolutions() {
    Instant now = Instant.now();
    // Resolved after 1, 3 and 10 hours: the median is 3 hours. One resolved twice counts once,
    // from its first resolution; one resolved long ago falls outside the period.
    insertResolved(now.minus(Duration.ofHours(20)), Duration.ofHours(1));
    insertResolved(now.minus(Duration.ofHours(20)), Duration.ofHours(3));
    String twice = insertResolved(now.minus(Duration.ofHours(20)), Duration.ofHours(10));
    history(twice, now.minus(Duration.ofHours(5)), "resolved");
    insertResolved(now.minus(Duration.ofDays(60)), Duration.ofHours(2));

    JsonNode figures = stats(admin, "?days=30");

    assertThat(figures.get("resolved_in_period").asLong()).isEqualTo(3);
    assertThat(figures.get("median_resolution_seconds").asLong()).isEqualTo(3 * 3600);
    insertResolved(now.minus(Duration.ofHours(30)), Duration.ofHours(5));
    assertThat(stats(admin, "?days=30").get("median_resolution_seconds").asLong())
        .as("with an even count, the mean of the middle two")
        .isEqualTo(4 * 3600);
  }

  @Test
  void onlyStaffMayReadFiguresAndThePeriodIsChecked() {
    assertThat(api.get("/api/v1/complaints/counts", TestSetup.SERVICE_TOKEN).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/complaints/stats", TestSetup.SERVICE_TOKEN).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/complaints/counts", null).status()).isEqualTo(401);
    for (String days : List.of("0", "367", "many")) {
      Api.Response bad = api.get("/api/v1/complaints/stats?days=" + days, admin);
      assertThat(bad.status()).as(days).isEqualTo(422);
      assertThat(bad.header("Content-Type").orElseThrow()).contains("application/problem+json");
    }
  }

  private static long count(JsonNode figures, String list, String key, String value) {
    for (JsonNode entry : figures.get(list)) {
      if (entry.get(key).asString().equals(value)) {
        return entry.get("count").asLong();
      }
    }
    return 0;
  }

  /** A complaint created at {@code created} and first resolved {@code took} later. */
  private String insertResolved(Instant created, Duration took) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            INSERT INTO complaints (id, hostel, wing, room_number, category, description, severity,
                status, version, created_at, updated_at)
            VALUES (:id, 'block-a', 'A', 'A101', 'other', 'inserted by the stats test', 'low',
                'resolved', 3, :created, :resolved)
            """)
        .param("id", id)
        .param("created", created.toEpochMilli())
        .param("resolved", created.plus(took).toEpochMilli())
        .update();
    history(id, created.plus(took), "resolved");
    return id;
  }

  private void history(String complaint, Instant at, String to) {
    jdbc.sql(
            """
            INSERT INTO complaint_history (id, complaint_id, at, action, from_value, to_value)
            VALUES (:id, :complaint, :at, 'status', 'in_progress', :to)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("complaint", complaint)
        .param("at", at.toEpochMilli())
        .param("to", to)
        .update();
  }
}
