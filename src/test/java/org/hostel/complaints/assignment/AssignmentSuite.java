package org.hostel.complaints.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Assignment rules and duty over real HTTP, once on SQLite and once on PostgreSQL. Rules are
 * global, so each test removes the ones it made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AssignmentSuite {

  Api api;
  Fixtures fixtures;
  String admin;
  final List<String> made = new ArrayList<>();

  @BeforeAll
  void connect(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
    admin = fixtures.adminToken();
  }

  @AfterEach
  void removeRules() {
    made.forEach(id -> api.delete("/api/v1/assignment-rules/" + id, admin));
    made.clear();
  }

  static Map<String, Object> rule(String name, String hostel, String category, UUID... porters) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("hostel", hostel);
    body.put("category", category);
    body.put("porter_ids", List.of(porters).stream().map(UUID::toString).toList());
    return body;
  }

  JsonNode create(Map<String, Object> rule) {
    Api.Response created = api.post("/api/v1/assignment-rules", admin, rule);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    made.add(created.json().get("id").asString());
    return created.json();
  }

  JsonNode submit(String hostel, String category) {
    Map<String, Object> body = new LinkedHashMap<>(Fixtures.complaint(Fixtures.reporter()));
    body.put("hostel", hostel);
    body.put("room_number", "B101");
    body.put("category", category);
    return fixtures.submit(body);
  }

  @Test
  void aNewComplaintGoesToTheTeamMemberOnDutyWithFewestOpenComplaints() {
    Fixtures.Staff busy = fixtures.porter();
    Fixtures.Staff free = fixtures.porter();
    Fixtures.Staff away = fixtures.porter();
    String name = "Block B metal " + UUID.randomUUID();
    create(rule(name, "Block B", "metalworks", busy.id(), free.id(), away.id()));
    Api.Response off =
        api.call("PUT", "/api/v1/profile/duty")
            .token(away.token())
            .json(Map.of("on_duty", false))
            .send();
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(api.get("/api/v1/profile/duty", away.token()).json().get("on_duty").asBoolean())
        .isFalse();
    fixtures.assign(fixtures.submit().get("id").asString(), busy.id());

    List<String> assignees = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      assignees.add(submit("block-b", "metalworks").get("assigned_porter_id").asString());
    }
    // free starts with none open, busy with one: free first, then the loads stay even
    assertThat(assignees).doesNotContain(away.id().toString());
    assertThat(assignees.getFirst()).isEqualTo(free.id().toString());
    long toBusy = assignees.stream().filter(busy.id().toString()::equals).count();
    assertThat(toBusy).isBetween(1L, 2L);

    JsonNode one = submit("block-b", "metalworks");
    List<String> history = new ArrayList<>();
    api.get("/api/v1/complaints/" + one.get("id").asString() + "/history", admin)
        .json()
        .forEach(e -> history.add(e.get("action").asString() + ":" + e.get("to").asString()));
    assertThat(history)
        .containsExactlyInAnyOrder(
            "created:reported",
            "assignment:" + one.get("assigned_porter_id").asString(),
            "rule:assigned by rule " + name);
  }

  @Test
  void withoutAMatchOrAnyoneOnDutyItStaysUnassigned() {
    Fixtures.Staff alone = fixtures.porter();
    create(rule("Block B other " + UUID.randomUUID(), "block-b", "other", alone.id()));
    assertThat(submit("block-b", "other").get("assigned_porter_id").asString())
        .isEqualTo(alone.id().toString());
    assertThat(submit("block-b", "pest").get("assigned_porter_id").isNull()).isTrue();
    api.call("PUT", "/api/v1/profile/duty")
        .token(alone.token())
        .json(Map.of("on_duty", false))
        .send();
    assertThat(submit("block-b", "other").get("assigned_porter_id").isNull()).isTrue();
    api.call("PUT", "/api/v1/profile/duty")
        .token(alone.token())
        .json(Map.of("on_duty", true))
        .send();
  }

  @Test
  void aCategorysRuleWinsOverTheHostelsRule() {
    Fixtures.Staff general = fixtures.porter();
    Fixtures.Staff electrician = fixtures.porter();
    create(rule("Block B all " + UUID.randomUUID(), "block-b", null, general.id()));
    create(
        rule("Block B electrical " + UUID.randomUUID(), "block-b", "electrical", electrician.id()));
    assertThat(submit("block-b", "electrical").get("assigned_porter_id").asString())
        .isEqualTo(electrician.id().toString());
    assertThat(submit("block-b", "carpentry").get("assigned_porter_id").asString())
        .isEqualTo(general.id().toString());
  }

  @Test
  void twoAdminsEditingOneRuleMeetIfMatch() {
    Fixtures.Staff first = fixtures.porter();
    Fixtures.Staff second = fixtures.porter();
    JsonNode made = create(rule("Shared " + UUID.randomUUID(), "block-b", "pest", first.id()));
    String path = "/api/v1/assignment-rules/" + made.get("id").asString();
    Api.Response read = api.get(path, admin);
    assertThat(read.header("ETag")).hasValue("\"1\"");

    Map<String, Object> change = rule(made.get("name").asString(), "block-b", "pest", second.id());
    Api.Response mine =
        api.call("PUT", path).token(admin).header("If-Match", "\"1\"").json(change).send();
    assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
    assertThat(mine.header("ETag")).hasValue("\"2\"");
    Api.Response theirs =
        api.call("PUT", path)
            .token(admin)
            .header("If-Match", "\"1\"")
            .json(rule(made.get("name").asString(), "block-b", "pest", first.id()))
            .send();
    assertThat(theirs.status()).isEqualTo(412);
    assertThat(api.get(path, admin).json().get("porter_ids").get(0).asString())
        .isEqualTo(second.id().toString());
    assertThat(api.call("DELETE", path).token(admin).header("If-Match", "\"1\"").send().status())
        .isEqualTo(412);
  }

  @Test
  void badRulesAreRefusedAndNothingIsStored() {
    Fixtures.Staff porter = fixtures.porter();
    String name = "Bad " + UUID.randomUUID();
    for (Map<String, Object> bad :
        List.of(
            rule("", "block-b", null, porter.id()),
            rule(name, "block-z", null, porter.id()),
            rule(name, "block-b", "kitchen", porter.id()),
            rule(name, "block-b", null),
            rule(name, "block-b", null, UUID.randomUUID()),
            rule(name, "block-b", null, fixtures.admin().id()))) {
      Api.Response refused = api.post("/api/v1/assignment-rules", admin, bad);
      assertThat(refused.status()).as(bad + " → " + refused).isEqualTo(422);
    }
    create(rule(name, "block-b", "pest", porter.id()));
    assertThat(
            api.post("/api/v1/assignment-rules", admin, rule(name, "block-b", "other", porter.id()))
                .status())
        .isEqualTo(409);
    assertThat(
            api.post(
                    "/api/v1/assignment-rules",
                    admin,
                    rule(name + "2", "block-b", "pest", porter.id()))
                .status())
        .isEqualTo(409);
    assertThat(api.get("/api/v1/assignment-rules", admin).json().size()).isEqualTo(1);
  }
}
