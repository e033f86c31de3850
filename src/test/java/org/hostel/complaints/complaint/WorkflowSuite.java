package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Priority, on hold and the SLA fields over real HTTP, once on SQLite and once on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkflowSuite {

  Api api;
  Fixtures fixtures;
  String admin;

  @BeforeAll
  void connect(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
    admin = fixtures.adminToken();
  }

  JsonNode submit(String reporter, String severity) {
    Map<String, Object> body = new LinkedHashMap<>(Fixtures.complaint(reporter));
    body.put("severity", severity);
    return fixtures.submit(body);
  }

  @Test
  void priorityStartsFromSeverityAndStaffChangeItWithIfMatch() {
    String reporter = Fixtures.reporter();
    assertThat(submit(reporter, "high").get("priority").asString()).isEqualTo("high");
    assertThat(submit(reporter, "low").get("priority").asString()).isEqualTo("low");
    JsonNode medium = submit(reporter, "medium");
    assertThat(medium.get("priority").asString()).isEqualTo("normal");
    String id = medium.get("id").asString();

    Api.Response stale =
        api.call("PATCH", "/api/v1/complaints/" + id)
            .token(admin)
            .header("If-Match", "\"0\"")
            .json(Map.of("priority", "urgent"))
            .send();
    assertThat(stale.status()).isEqualTo(412);
    Api.Response urgent =
        api.call("PATCH", "/api/v1/complaints/" + id)
            .token(admin)
            .header("If-Match", "\"1\"")
            .json(Map.of("priority", "urgent"))
            .send();
    assertThat(urgent.status()).as(urgent.toString()).isEqualTo(200);
    assertThat(urgent.json().get("priority").asString()).isEqualTo("urgent");
    assertThat(urgent.header("ETag")).hasValue("\"2\"");
    assertThat(api.patch("/api/v1/complaints/" + id, admin, Map.of("priority", "soon")).status())
        .isEqualTo(422);

    Fixtures.Staff porter = fixtures.porter();
    assertThat(
            api.patch("/api/v1/complaints/" + id, porter.token(), Map.of("priority", "low"))
                .status())
        .isEqualTo(403);
    fixtures.assign(id, porter.id());
    assertThat(
            api.patch("/api/v1/complaints/" + id, porter.token(), Map.of("priority", "low"))
                .json()
                .get("priority")
                .asString())
        .isEqualTo("low");

    List<String> byPriority = new ArrayList<>();
    api.get("/api/v1/complaints?telegram_user_id=" + reporter + "&sort=-priority", admin)
        .json()
        .get("items")
        .forEach(c -> byPriority.add(c.get("priority").asString()));
    assertThat(byPriority).containsExactly("high", "low", "low");
    JsonNode high =
        api.get("/api/v1/complaints?telegram_user_id=" + reporter + "&priority=high", admin).json();
    assertThat(high.get("total").asLong()).isEqualTo(1);
    assertThat(api.get("/api/v1/complaints?priority=soon", admin).status()).isEqualTo(422);

    List<String> history = new ArrayList<>();
    api.get("/api/v1/complaints/" + id + "/history", admin)
        .json()
        .forEach(e -> history.add(e.get("action").asString() + ":" + e.get("to").asString()));
    assertThat(history).contains("priority:urgent", "priority:low");
  }

  @Test
  void onHoldNeedsAReasonAndIsReleasedToInProgress() {
    Fixtures.Staff porter = fixtures.porter();
    String id = fixtures.submit().get("id").asString();
    fixtures.assign(id, porter.id());
    String path = "/api/v1/complaints/" + id + "/status";
    assertThat(
            api.patch(path, porter.token(), Map.of("status", "on_hold", "reason", "parts"))
                .status())
        .as("only from in progress")
        .isEqualTo(400);
    JsonNode started = api.patch(path, porter.token(), Map.of("status", "in_progress")).json();
    assertThat(started.get("allowed_transitions").toString()).contains("on_hold");

    Api.Response noReason = api.patch(path, porter.token(), Map.of("status", "on_hold"));
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    assertThat(
            api.patch(path, porter.token(), Map.of("status", "on_hold", "reason", "  ")).status())
        .isEqualTo(422);
    assertThat(api.get("/api/v1/complaints/" + id, admin).json().get("status").asString())
        .isEqualTo("in_progress");

    JsonNode held =
        api.patch(
                path,
                porter.token(),
                Map.of("status", "on_hold", "reason", "Waiting for a new tap from the supplier"))
            .json();
    assertThat(held.get("status").asString()).isEqualTo("on_hold");
    assertThat(held.get("hold_reason").asString())
        .isEqualTo("Waiting for a new tap from the supplier");
    assertThat(held.get("sla_paused").asBoolean()).isTrue();
    assertThat(held.get("allowed_transitions").toString()).isEqualTo("[\"in_progress\"]");
    assertThat(api.patch(path, porter.token(), Map.of("status", "resolved")).status())
        .isEqualTo(400);
    assertThat(
            api.get("/api/v1/complaints?status=on_hold&assigned_porter_id=" + porter.id(), admin)
                .json()
                .get("total")
                .asLong())
        .isEqualTo(1);

    JsonNode released = api.patch(path, porter.token(), Map.of("status", "in_progress")).json();
    assertThat(released.get("status").asString()).isEqualTo("in_progress");
    assertThat(released.get("hold_reason").isNull()).isTrue();
    assertThat(released.get("sla_paused").asBoolean()).isFalse();

    List<String> history = new ArrayList<>();
    api.get("/api/v1/complaints/" + id + "/history", admin)
        .json()
        .forEach(e -> history.add(e.get("action").asString() + ":" + e.get("to").asString()));
    // Lines written by one change share a millisecond, so only their set is certain.
    assertThat(history)
        .contains("status:on_hold", "hold:Waiting for a new tap from the supplier")
        .endsWith("status:in_progress");
  }

  @Test
  void everyComplaintShowsItsTargetsAndTheDueFilterAndOrderUseThem() {
    String reporter = Fixtures.reporter();
    JsonNode high = submit(reporter, "high");
    JsonNode low = submit(reporter, "low");
    for (JsonNode c : List.of(high, low)) {
      assertThat(Instant.parse(c.get("response_due_at").asString()))
          .isBefore(Instant.parse(c.get("resolution_due_at").asString()));
      assertThat(c.get("sla_breached").get("response").asBoolean()).isFalse();
      assertThat(c.get("sla_breached").get("resolution").asBoolean()).isFalse();
    }
    List<String> byDue = new ArrayList<>();
    api.get("/api/v1/complaints?telegram_user_id=" + reporter + "&sort=due", admin)
        .json()
        .get("items")
        .forEach(c -> byDue.add(c.get("id").asString()));
    assertThat(byDue).containsExactly(high.get("id").asString(), low.get("id").asString());

    String before = high.get("response_due_at").asString();
    JsonNode due =
        api.get(
                "/api/v1/complaints?telegram_user_id="
                    + reporter
                    + "&due_before="
                    + Instant.parse(before).plusMillis(1),
                admin)
            .json();
    assertThat(due.get("total").asLong()).isEqualTo(1);
    assertThat(due.get("items").get(0).get("id").asString()).isEqualTo(high.get("id").asString());
    assertThat(api.get("/api/v1/complaints?due_before=tomorrow", admin).status()).isEqualTo(422);
  }
}
