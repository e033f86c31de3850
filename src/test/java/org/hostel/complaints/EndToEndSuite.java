package org.hostel.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The life of complaints over real HTTP, run once against SQLite and once against PostgreSQL. Every
 * test makes its own staff and reporters, so the database may hold anything else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndSuite {

  @Autowired JdbcClient jdbc;

  Api api;
  Fixtures fixtures;
  String admin;

  @BeforeAll
  void connect(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
    admin = fixtures.adminToken();
  }

  @Test
  void aComplaintTravelsFromTheBotToClosure() {
    Fixtures.Staff porter = fixtures.porter();
    JsonNode submitted = fixtures.submit();
    String id = submitted.get("id").asString();
    assertThat(submitted.get("complaint_id").asString()).isEqualTo(id);
    assertThat(submitted.get("status").asString()).isEqualTo("reported");

    Api.Response taken =
        api.patch(
            "/api/v1/complaints/" + id + "/assign",
            porter.token(),
            Map.of("assigned_porter_id", porter.id().toString()));
    assertThat(taken.status()).isEqualTo(200);
    assertThat(taken.json().get("assigned_porter_id").asString()).isEqualTo(porter.id().toString());

    for (String status : List.of("in_progress", "resolved")) {
      Api.Response moved =
          api.patch(
              "/api/v1/complaints/" + id + "/status", porter.token(), Map.of("status", status));
      assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
      assertThat(moved.json().get("status").asString()).isEqualTo(status);
    }
    Api.Response porterCloses =
        api.patch(
            "/api/v1/complaints/" + id + "/status", porter.token(), Map.of("status", "closed"));
    assertThat(porterCloses.status()).isEqualTo(403);
    Api.Response adminCloses =
        api.patch("/api/v1/complaints/" + id + "/status", admin, Map.of("status", "closed"));
    assertThat(adminCloses.json().get("status").asString()).isEqualTo("closed");

    JsonNode history = api.get("/api/v1/complaints/" + id + "/history", admin).json();
    List<String> actions = new ArrayList<>();
    history.forEach(e -> actions.add(e.get("action").asString() + ":" + e.get("to").asString()));
    assertThat(actions)
        .containsExactly(
            "created:reported",
            "assignment:" + porter.id(),
            "status:in_progress",
            "status:resolved",
            "status:closed");
    assertThat(history.get(0).get("actor_name").asString()).isEqualTo("integration");
    assertThat(history.get(1).get("actor_name").asString()).isEqualTo("Test porter");
    assertThat(history.get(4).get("from").asString()).isEqualTo("resolved");

    JsonNode assignments = api.get("/api/v1/complaints/" + id + "/assignments", admin).json();
    assertThat(assignments).hasSize(1);
    assertThat(assignments.get(0).get("assigned_to").asString()).isEqualTo(porter.id().toString());
    assertThat(assignments.get(0).get("assigned_by").asString()).isEqualTo(porter.id().toString());
  }

  @Test
  void illegalMovesAreRefusedAndAskingForTheCurrentStatusIsANoOp() {
    String id = fixtures.submit().get("id").asString();
    Api.Response skip =
        api.patch("/api/v1/complaints/" + id + "/status", admin, Map.of("status", "resolved"));
    assertThat(skip.status()).isEqualTo(400);
    assertThat(skip.json().get("detail").asString()).contains("reported", "resolved");

    Api.Response same =
        api.patch("/api/v1/complaints/" + id + "/status", admin, Map.of("status", "reported"));
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.header("ETag")).contains("\"1\"");
    assertThat(api.get("/api/v1/complaints/" + id + "/history", admin).json()).hasSize(1);
  }

  @Test
  void submissionsAreNormalisedAndUnknownValuesRefused() {
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    body.put("hostel", "Block B");
    body.put("room_number", "  c101 ");
    body.put("description", "   Window will not close properly   ");
    JsonNode created = fixtures.submit(body);
    assertThat(created.get("hostel").asString()).isEqualTo("block-b");
    assertThat(created.get("room_number").asString()).isEqualTo("C101");
    assertThat(created.get("wing").asString()).isEqualTo("C");
    assertThat(created.get("description").asString()).isEqualTo("Window will not close properly");
    assertThat(Instant.parse(created.get("created_at").asString()))
        .isBeforeOrEqualTo(Instant.now());

    Map<String, Object> unknown = Fixtures.complaint(Fixtures.reporter());
    unknown.put("category", "gardening");
    Api.Response refused = api.post("/api/v1/complaints/submit", TestSetup.SERVICE_TOKEN, unknown);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
  }

  @Test
  void listsFilterSearchAndPage() {
    String reporter = Fixtures.reporter();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> body = Fixtures.complaint(reporter);
      body.put("severity", i < 2 ? "low" : "medium");
      body.put("category", i == 4 ? "electrical" : "plumbing");
      body.put(
          "description", i == 3 ? "Sparks from the socket near bed" : "Dripping tap number " + i);
      fixtures.submit(body);
    }
    String base = "/api/v1/complaints?telegram_user_id=" + reporter;

    JsonNode firstPage = api.get(base + "&page_size=2", admin).json();
    assertThat(firstPage.get("total").asLong()).isEqualTo(5);
    assertThat(firstPage.get("total_pages").asLong()).isEqualTo(3);
    assertThat(firstPage.get("items")).hasSize(2);
    assertThat(firstPage.get("items").get(0).get("description").asString()).contains("4");
    JsonNode lastPage = api.get(base + "&page_size=2&page=3", admin).json();
    assertThat(lastPage.get("items")).hasSize(1);
    assertThat(lastPage.get("items").get(0).get("description").asString()).contains("0");

    assertThat(total(base + "&severity=low")).isEqualTo(2);
    assertThat(total(base + "&category=electrical")).isEqualTo(1);
    assertThat(total(base + "&q=SPARKS")).isEqualTo(1);
    assertThat(total(base + "&q=50%25")).isZero();
    assertThat(total(base + "&status=reported&hostel=block-a")).isEqualTo(5);
    assertThat(total(base + "&status=closed")).isZero();
    assertThat(api.get(base + "&page=9", admin).json().get("items")).isEmpty();
  }

  @Test
  void cursorsPageOnFromWhereThePreviousPageEndedAndTheCountSaysItIsExact() {
    String reporter = Fixtures.reporter();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> body = Fixtures.complaint(reporter);
      body.put("description", "Dripping tap number " + i);
      fixtures.submit(body);
    }
    String base = "/api/v1/complaints?sort=created_at&page_size=2&telegram_user_id=" + reporter;

    JsonNode first = api.get(base, admin).json();
    assertThat(first.get("total").asLong()).isEqualTo(5);
    assertThat(first.get("total_exact").asBoolean()).isTrue();
    List<String> seen = new ArrayList<>();
    JsonNode page = first;
    while (true) {
      page.get("items").forEach(c -> seen.add(c.get("description").asString()));
      if (page.get("next_cursor").isNull()) {
        break;
      }
      page = api.get(base + "&after=" + page.get("next_cursor").asString(), admin).json();
    }
    assertThat(seen)
        .containsExactly(
            "Dripping tap number 0",
            "Dripping tap number 1",
            "Dripping tap number 2",
            "Dripping tap number 3",
            "Dripping tap number 4");

    String newestFirst = first.get("next_cursor").asString();
    Api.Response otherSort =
        api.get(
            base.replace("sort=created_at", "sort=-created_at") + "&after=" + newestFirst, admin);
    assertThat(otherSort.status()).isEqualTo(422);
    assertThat(otherSort.json().get("errors").get(0).get("field").asString()).isEqualTo("after");
    assertThat(api.get(base + "&after=not-a-cursor", admin).status()).isEqualTo(422);
  }

  @Test
  void portersSeeTheirOwnAndUnassignedComplaintsOnly() {
    Fixtures.Staff mine = fixtures.porter();
    Fixtures.Staff other = fixtures.porter();
    String reporter = Fixtures.reporter();
    String unassigned = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    String assignedToMe = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    String assignedToOther = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    fixtures.assign(assignedToMe, mine.id());
    fixtures.assign(assignedToOther, other.id());

    JsonNode list = api.get("/api/v1/complaints?telegram_user_id=" + reporter, mine.token()).json();
    Set<String> ids = new HashSet<>();
    list.get("items").forEach(c -> ids.add(c.get("id").asString()));
    assertThat(ids).containsExactlyInAnyOrder(unassigned, assignedToMe);
    assertThat(list.get("total").asLong()).isEqualTo(2);
    assertThat(api.get("/api/v1/complaints/" + assignedToOther, mine.token()).status())
        .isEqualTo(404);
    assertThat(
            api.get(
                    "/api/v1/complaints?assigned_porter_id="
                        + other.id()
                        + "&telegram_user_id="
                        + reporter,
                    mine.token())
                .json()
                .get("total")
                .asLong())
        .isZero();
  }

  @Test
  void theSameIdempotencyKeyGivesTheFirstAnswerAndAnotherBodyIsAConflict() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    Api.Response first = submitWithKey(key, body);
    Api.Response again = submitWithKey(key, body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());

    body.put("severity", "low");
    Api.Response other = submitWithKey(key, body);
    assertThat(other.status()).isEqualTo(409);
    assertThat(total("/api/v1/complaints?telegram_user_id=" + body.get("telegram_user_id")))
        .isEqualTo(1);
  }

  @Test
  void concurrentRequestsWithOneIdempotencyKeyCreateOneComplaint() throws Exception {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    List<Api.Response> responses = concurrently(8, () -> submitWithKey(key, body));
    Set<String> ids = new HashSet<>();
    for (Api.Response response : responses) {
      assertThat(response.status()).as(response.toString()).isEqualTo(201);
      ids.add(response.json().get("id").asString());
    }
    assertThat(ids).hasSize(1);
    assertThat(total("/api/v1/complaints?telegram_user_id=" + body.get("telegram_user_id")))
        .isEqualTo(1);
  }

  @Test
  void ofTwoConcurrentWritesWithTheSameIfMatchExactlyOneWins() throws Exception {
    String id = fixtures.submit().get("id").asString();
    String etag = api.get("/api/v1/complaints/" + id, admin).header("ETag").orElseThrow();
    Fixtures.Staff a = fixtures.porter();
    Fixtures.Staff b = fixtures.porter();
    List<UUID> porters = List.of(a.id(), b.id());
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    List<Api.Response> responses =
        concurrently(
            2,
            () ->
                api.call("PATCH", "/api/v1/complaints/" + id + "/assign")
                    .token(admin)
                    .header("If-Match", etag)
                    .json(
                        Map.of(
                            "assigned_porter_id", porters.get(next.getAndIncrement()).toString()))
                    .send());
    List<Integer> statuses = responses.stream().map(Api.Response::status).sorted().toList();
    assertThat(statuses).containsExactly(200, 412);
    JsonNode history = api.get("/api/v1/complaints/" + id + "/history", admin).json();
    assertThat(history).hasSize(2);
  }

  @Test
  void aStaleIfMatchIsRefusedAndChangesNothing() {
    String id = fixtures.submit().get("id").asString();
    Api.Response fetched = api.get("/api/v1/complaints/" + id, admin);
    String etag = fetched.header("ETag").orElseThrow();
    fixtures.move(id, "in_progress");
    Api.Response stale =
        api.call("PATCH", "/api/v1/complaints/" + id + "/status")
            .token(admin)
            .header("If-Match", etag)
            .json(Map.of("status", "resolved"))
            .send();
    assertThat(stale.status()).isEqualTo(412);
    assertThat(api.get("/api/v1/complaints/" + id, admin).json().get("status").asString())
        .isEqualTo("in_progress");
    Api.Response notModified =
        api.call("GET", "/api/v1/complaints/" + id)
            .token(admin)
            .header(
                "If-None-Match",
                api.get("/api/v1/complaints/" + id, admin).header("ETag").orElseThrow())
            .send();
    assertThat(notModified.status()).isEqualTo(304);
  }

  @Test
  void concurrentWritesWithoutIfMatchAreAllKept() throws Exception {
    String id = fixtures.submit().get("id").asString();
    Fixtures.Staff porter = fixtures.porter();
    List<Api.Response> responses =
        concurrently(
            2,
            new Callable<>() {
              int calls;

              @Override
              public synchronized Api.Response call() {
                return calls++ == 0
                    ? api.patch(
                        "/api/v1/complaints/" + id + "/assign",
                        admin,
                        Map.of("assigned_porter_id", porter.id().toString()))
                    : api.patch(
                        "/api/v1/complaints/" + id + "/status",
                        admin,
                        Map.of("status", "in_progress"));
              }
            });
    responses.forEach(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
    JsonNode now = api.get("/api/v1/complaints/" + id, admin).json();
    assertThat(now.get("status").asString()).isEqualTo("in_progress");
    assertThat(now.get("assigned_porter_id").asString()).isEqualTo(porter.id().toString());
  }

  @Test
  void theCombinedPatchAppliesBothChangesOrNeither() {
    Fixtures.Staff porter = fixtures.porter();
    String id = fixtures.submit().get("id").asString();
    Api.Response both =
        api.patch(
            "/api/v1/complaints/" + id,
            porter.token(),
            Map.of("assigned_porter_id", porter.id().toString(), "status", "in_progress"));
    assertThat(both.status()).as(both.toString()).isEqualTo(200);
    assertThat(both.json().get("status").asString()).isEqualTo("in_progress");

    String other = fixtures.submit().get("id").asString();
    Api.Response neither =
        api.patch(
            "/api/v1/complaints/" + other,
            porter.token(),
            Map.of("assigned_porter_id", porter.id().toString(), "status", "closed"));
    assertThat(neither.status()).isEqualTo(403);
    JsonNode unchanged = api.get("/api/v1/complaints/" + other, admin).json();
    assertThat(unchanged.get("assigned_porter_id").isNull()).isTrue();
    assertThat(unchanged.get("status").asString()).isEqualTo("reported");
  }

  @Test
  void purgeRemovesOnlyFinishedComplaintsPastTheirRetention() {
    String reporter = Fixtures.reporter();
    String open = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    String oldResolved = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    String recentResolved = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    String oldClosed = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    for (String id : List.of(oldResolved, recentResolved, oldClosed)) {
      fixtures.move(id, "in_progress");
      fixtures.move(id, "resolved");
    }
    fixtures.move(oldClosed, "closed");
    backdate(open, 400);
    backdate(oldResolved, 91);
    backdate(recentResolved, 89);
    backdate(oldClosed, 31);

    JsonNode dryRun =
        api.call("DELETE", "/api/v1/admin/purge")
            .token(admin)
            .json(Map.of("dry_run", true))
            .send()
            .json();
    assertThat(dryRun.get("dry_run").asBoolean()).isTrue();
    assertThat(ids(dryRun.get("deleted_ids"))).contains(oldResolved, oldClosed);
    assertThat(api.get("/api/v1/complaints/" + oldResolved, admin).status()).isEqualTo(200);

    Api.Response purged = api.delete("/api/v1/admin/purge", admin);
    assertThat(purged.status()).isEqualTo(200);
    assertThat(ids(purged.json().get("deleted_ids")))
        .contains(oldResolved, oldClosed)
        .doesNotContain(open, recentResolved);
    assertThat(api.get("/api/v1/complaints/" + oldResolved, admin).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/complaints/" + oldClosed, admin).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/complaints/" + open, admin).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/complaints/" + recentResolved, admin).status()).isEqualTo(200);

    Api.Response onlyResolved =
        api.call("DELETE", "/api/v1/admin/purge")
            .token(admin)
            .json(Map.of("complaint_status", "resolved", "days_old", 0))
            .send();
    assertThat(ids(onlyResolved.json().get("deleted_ids"))).contains(recentResolved);
    assertThat(api.get("/api/v1/complaints/" + open, admin).status()).isEqualTo(200);

    Api.Response openStatus =
        api.call("DELETE", "/api/v1/admin/purge")
            .token(admin)
            .json(Map.of("complaint_status", "reported", "days_old", 0))
            .send();
    assertThat(openStatus.status()).isEqualTo(422);
    assertThat(api.get("/api/v1/complaints/" + open, admin).status()).isEqualTo(200);
  }

  @Test
  void purgeOfNamedComplaintsRemovesJustThoseThatAreFinishedWhateverTheirAge() {
    String reporter = Fixtures.reporter();
    String mine = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    String stillOpen = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    String someoneElses = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    for (String id : List.of(mine, someoneElses)) {
      fixtures.move(id, "in_progress");
      fixtures.move(id, "resolved");
      fixtures.move(id, "closed");
    }

    Api.Response purged =
        api.call("DELETE", "/api/v1/admin/purge")
            .token(admin)
            .json(Map.of("complaint_ids", List.of(mine, stillOpen)))
            .send();

    assertThat(purged.status()).as(purged.toString()).isEqualTo(200);
    assertThat(ids(purged.json().get("deleted_ids"))).containsExactly(mine);
    assertThat(api.get("/api/v1/complaints/" + mine, admin).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/complaints/" + stillOpen, admin).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/complaints/" + someoneElses, admin).status()).isEqualTo(200);
  }

  @Test
  void logoutRevokesTheTokenAndChangingThePasswordSignsOutOtherSessions() {
    Fixtures.Staff porter = fixtures.porter();
    String second = api.login(porter.email(), porter.password());
    assertThat(api.call("POST", "/auth/logout").token(second).send().status()).isEqualTo(204);
    assertThat(api.get("/api/v1/profile/me", second).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(200);

    Api.Response changed =
        api.post(
            "/api/v1/profile/change-password",
            porter.token(),
            Map.of("current_password", porter.password(), "new_password", "Another-Passw0rd"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    String fresh = changed.json().get("access_token").asString();
    assertThat(api.get("/api/v1/profile/me", fresh).json().get("email").asString())
        .isEqualTo(porter.email());
    Api.Response oldLogin =
        api.post(
            "/auth/login-json",
            null,
            Map.of("username", porter.email(), "password", porter.password()));
    assertThat(oldLogin.status()).isEqualTo(401);
    assertThat(api.login(porter.email(), "Another-Passw0rd")).isNotBlank();
  }

  @Test
  void formLoginWorksAndUnknownUsersGetTheSameAnswerAsWrongPasswords() {
    Api.Response form =
        api.call("POST", "/auth/login")
            .raw(
                "application/x-www-form-urlencoded",
                "username=" + TestSetup.ADMIN_EMAIL + "&password=" + TestSetup.ADMIN_PASSWORD)
            .send();
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json().get("token_type").asString()).isEqualTo("bearer");
    assertThat(form.json().get("role").asString()).isEqualTo("admin");
    assertThat(form.json().get("expires_in").asLong()).isEqualTo(3600);

    Api.Response unknown =
        api.post(
            "/auth/login-json",
            null,
            Map.of("username", "nobody@test.local", "password", "Wrong-Passw0rd"));
    Api.Response wrong =
        api.post(
            "/auth/login-json",
            null,
            Map.of("username", TestSetup.ADMIN_EMAIL, "password", "Wrong-Passw0rd"));
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.json().get("detail")).isEqualTo(wrong.json().get("detail"));
    assertThat(unknown.header("WWW-Authenticate").orElse("")).doesNotContainIgnoringCase("basic");
  }

  @Test
  void registrationRefusesTakenContactsAndWeakPasswords() {
    Fixtures.Staff porter = fixtures.porter();
    Api.Response taken =
        api.post(
            "/auth/register",
            admin,
            Map.of(
                "full_name",
                "Copy",
                "email",
                porter.email().toUpperCase(),
                "password",
                "Good-Passw0rd"));
    assertThat(taken.status()).isEqualTo(409);
    Api.Response weak =
        api.post(
            "/auth/register",
            admin,
            Map.of(
                "full_name",
                "Weak",
                "email",
                "weak-" + UUID.randomUUID() + "@test.local",
                "password",
                "password"));
    assertThat(weak.status()).isEqualTo(422);
    Api.Response byPhone =
        api.post(
            "/auth/register",
            admin,
            Map.of(
                "full_name",
                "Phone Only",
                "phone",
                "+44 7700 " + (100000 + (int) (Math.random() * 899999)),
                "password",
                "Good-Passw0rd"));
    assertThat(byPhone.status()).as(byPhone.toString()).isEqualTo(201);
    assertThat(byPhone.json().get("role").asString()).isEqualTo("porter");
    assertThat(api.login(byPhone.json().get("phone").asString(), "Good-Passw0rd")).isNotBlank();
  }

  @Test
  void repeatedFailedLoginsForOneUserAreThrottled() {
    Fixtures.Staff porter = fixtures.porter();
    int refused = 0;
    for (int i = 0; i < 12; i++) {
      Api.Response r =
          api.post(
              "/auth/login-json",
              null,
              Map.of("username", porter.email(), "password", "Wrong-Passw0rd"));
      if (r.status() == 429) {
        refused++;
        assertThat(r.header("Retry-After")).isPresent();
      }
    }
    assertThat(refused).isEqualTo(2);
    Api.Response evenRight =
        api.post(
            "/auth/login-json",
            null,
            Map.of("username", porter.email(), "password", porter.password()));
    assertThat(evenRight.status()).isEqualTo(429);
  }

  @Test
  void healthReportsTheDatabase() {
    Api.Response health = api.get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("healthy");
    assertThat(health.json().get("checks").get("database").get("status").asString())
        .isEqualTo("up");
  }

  @Test
  void referenceListsAreServed() {
    assertThat(api.get("/api/v1/categories", null).json().findValuesAsString("name"))
        .contains("plumbing", "electrical", "carpentry", "pest", "metalworks", "other");
    JsonNode hostels = api.get("/api/v1/hostels", TestSetup.SERVICE_TOKEN).json();
    assertThat(hostels.findValuesAsString("slug")).contains("block-a", "block-b");
    assertThat(hostels.get(0).get("id").asString()).hasSize(36);
    JsonNode porters = api.get("/api/v1/porters", fixtures.porter().token()).json();
    assertThat(porters.get(0).get("email").isNull()).isTrue();
    assertThat(api.get("/api/v1/porters", admin).json().findValuesAsString("email"))
        .contains(TestSetup.ADMIN_EMAIL);
  }

  @Test
  void concurrentSubmitsGetDistinctReferencesThatFindTheirComplaint() throws Exception {
    String reporter = Fixtures.reporter();
    List<Api.Response> responses =
        concurrently(
            12,
            () ->
                api.post(
                    "/api/v1/complaints/submit",
                    TestSetup.SERVICE_TOKEN,
                    Fixtures.complaint(reporter)));
    Set<String> references = new HashSet<>();
    for (Api.Response response : responses) {
      assertThat(response.status()).as(response.toString()).isEqualTo(201);
      String reference = response.json().get("reference").asString();
      assertThat(reference).matches("C-[0-9]+");
      references.add(reference);
      Api.Response found =
          api.get("/api/v1/complaints/by-reference/" + reference, TestSetup.SERVICE_TOKEN);
      assertThat(found.status()).as(found.toString()).isEqualTo(200);
      assertThat(found.json().get("id").asString()).isEqualTo(response.json().get("id").asString());
      JsonNode searched =
          api.get("/api/v1/complaints?telegram_user_id=" + reporter + "&q=" + reference, admin)
              .json();
      assertThat(searched.get("total").asLong()).isEqualTo(1);
      assertThat(searched.get("items").get(0).get("reference").asString()).isEqualTo(reference);
    }
    assertThat(references).hasSize(12);
  }

  @Test
  void aReferenceFollowsTheSameVisibilityRulesAsTheId() {
    Fixtures.Staff mine = fixtures.porter();
    Fixtures.Staff other = fixtures.porter();
    JsonNode complaint = fixtures.submit();
    String reference = complaint.get("reference").asString();
    fixtures.assign(complaint.get("id").asString(), other.id());

    assertThat(api.get("/api/v1/complaints/by-reference/" + reference, mine.token()).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/complaints/by-reference/" + reference, other.token()).status())
        .isEqualTo(200);
    String lower = reference.toLowerCase(java.util.Locale.ROOT);
    assertThat(api.get("/api/v1/complaints/by-reference/" + lower, admin).status()).isEqualTo(200);
    Api.Response nonsense = api.get("/api/v1/complaints/by-reference/nonsense", admin);
    assertThat(nonsense.status()).isEqualTo(404);
    assertThat(nonsense.header("Content-Type").orElseThrow()).contains("problem+json");
    assertThat(api.get("/api/v1/complaints/by-reference/" + reference, null).status())
        .isEqualTo(401);
  }

  /** How many complaints an admin's list with this path and query finds. */
  private long total(String pathAndQuery) {
    return api.get(pathAndQuery, admin).json().get("total").asLong();
  }

  private Api.Response submitWithKey(String key, Map<String, Object> body) {
    return api.call("POST", "/api/v1/complaints/submit")
        .token(TestSetup.SERVICE_TOKEN)
        .header("Idempotency-Key", key)
        .json(body)
        .send();
  }

  private void backdate(String id, int days) {
    long at = Instant.now().minusSeconds(days * 86_400L).toEpochMilli();
    jdbc.sql("UPDATE complaints SET created_at = :at, updated_at = :at WHERE id = :id")
        .param("at", at)
        .param("id", id)
        .update();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.asString()));
    return ids;
  }

  static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
