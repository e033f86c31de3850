package org.hostel.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Bad input on every endpoint: a clear 4xx problem document, never a 500, and nothing changed. */
@EmbeddedContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTests {

  @Autowired JdbcClient jdbc;

  Api api;
  Fixtures fixtures;
  String admin;
  String complaintId;

  @BeforeAll
  void setUp(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
    admin = fixtures.adminToken();
    complaintId = fixtures.submit().get("id").asString();
  }

  static final String JSON = "application/json";
  static final String LONG = "x".repeat(2001);

  static Stream<Arguments> badRequests() {
    String valid =
        "{\"hostel\":\"block-a\",\"room_number\":\"A312\",\"category\":\"plumbing\","
            + "\"description\":\"Tap leaking since Monday\",\"severity\":\"high\"";
    return Stream.of(
        // submit
        bad("malformed JSON", "POST", "/api/v1/complaints/submit", JSON, "{\"hostel\":", 400),
        bad("array instead of object", "POST", "/api/v1/complaints/submit", JSON, "[]", 400),
        bad("empty body", "POST", "/api/v1/complaints/submit", JSON, "", 400),
        bad("plain text", "POST", "/api/v1/complaints/submit", "text/plain", "hello", 415),
        bad("no fields", "POST", "/api/v1/complaints/submit", JSON, "{}", 422),
        bad(
            "severity as number",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid.replace("\"high\"", "5") + "}",
            422),
        bad(
            "description as object",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid.replace("\"Tap leaking since Monday\"", "{\"a\":1}") + "}",
            422),
        bad(
            "room as list",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid.replace("\"A312\"", "[\"A312\"]") + "}",
            422),
        bad(
            "unknown severity",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid.replace("high", "urgent") + "}",
            422),
        bad(
            "unknown category",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid.replace("plumbing", "gardening") + "}",
            422),
        bad(
            "unknown hostel",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid.replace("block-a", "block-z") + "}",
            422),
        bad(
            "room outside pattern",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid.replace("A312", "Z9999") + "}",
            422),
        bad(
            "status smuggled in",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid + ",\"status\":\"closed\"}",
            422),
        bad(
            "unknown field",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid + ",\"priority\":1}",
            422),
        bad(
            "description too short",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid.replace("Tap leaking since Monday", "   short   ") + "}",
            422),
        bad(
            "description too long",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid.replace("Tap leaking since Monday", LONG) + "}",
            422),
        bad(
            "hostel too long",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid.replace("block-a", "h".repeat(101)) + "}",
            422),
        bad(
            "control character",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid.replace("since Monday", "since\\u0000Monday") + "}",
            422),
        bad(
            "telegram id not digits",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid + ",\"telegram_user_id\":\"12ab\"}",
            422),
        bad(
            "huge body",
            "POST",
            "/api/v1/complaints/submit",
            JSON,
            valid.replace("Tap leaking since Monday", "y".repeat(1_000_000)) + "}",
            413),
        // list and read
        bad("page zero", "GET", "/api/v1/complaints?page=0", null, null, 422),
        bad("page size zero", "GET", "/api/v1/complaints?page_size=0", null, null, 422),
        bad("page size over 100", "GET", "/api/v1/complaints?page_size=101", null, null, 422),
        bad("page not a number", "GET", "/api/v1/complaints?page=abc", null, null, 422),
        bad("unknown status filter", "GET", "/api/v1/complaints?status=done", null, null, 422),
        bad(
            "unknown severity filter",
            "GET",
            "/api/v1/complaints?severity=urgent",
            null,
            null,
            422),
        bad("unknown hostel filter", "GET", "/api/v1/complaints?hostel=nowhere", null, null, 422),
        bad(
            "assignee not a uuid",
            "GET",
            "/api/v1/complaints?assigned_porter_id=bob",
            null,
            null,
            422),
        bad("search too long", "GET", "/api/v1/complaints?q=" + "q".repeat(201), null, null, 422),
        bad(
            "parameter name the firewall refuses",
            "GET",
            "/api/v1/complaints?%25%3B%E1%AA%BAU%E0%BB%9B%23=1",
            null,
            null,
            400),
        bad("id not a uuid", "GET", "/api/v1/complaints/42", null, null, 404),
        bad("sql in id", "GET", "/api/v1/complaints/1%27%20OR%201=1", null, null, 404),
        bad("unknown id", "GET", "/api/v1/complaints/" + UUID.randomUUID(), null, null, 404),
        bad(
            "history of unknown id",
            "GET",
            "/api/v1/complaints/" + UUID.randomUUID() + "/history",
            null,
            null,
            404),
        // status, assignment, combined
        bad(
            "unknown status",
            "PATCH",
            "/api/v1/complaints/{id}/status",
            JSON,
            "{\"status\":\"done\"}",
            422),
        bad(
            "null status",
            "PATCH",
            "/api/v1/complaints/{id}/status",
            JSON,
            "{\"status\":null}",
            422),
        bad("status missing", "PATCH", "/api/v1/complaints/{id}/status", JSON, "{}", 422),
        bad("status malformed", "PATCH", "/api/v1/complaints/{id}/status", JSON, "{status:", 400),
        bad(
            "status extra field",
            "PATCH",
            "/api/v1/complaints/{id}/status",
            JSON,
            "{\"status\":\"in_progress\",\"assigned\":true}",
            422),
        bad(
            "status on non-uuid",
            "PATCH",
            "/api/v1/complaints/abc/status",
            JSON,
            "{\"status\":\"in_progress\"}",
            404),
        bad(
            "status on unknown id",
            "PATCH",
            "/api/v1/complaints/" + UUID.randomUUID() + "/status",
            JSON,
            "{\"status\":\"in_progress\"}",
            404),
        bad("assignee missing", "PATCH", "/api/v1/complaints/{id}/assign", JSON, "{}", 422),
        bad(
            "assignee not a uuid",
            "PATCH",
            "/api/v1/complaints/{id}/assign",
            JSON,
            "{\"assigned_porter_id\":\"bob\"}",
            422),
        bad(
            "assignee a number",
            "PATCH",
            "/api/v1/complaints/{id}/assign",
            JSON,
            "{\"assigned_porter_id\":5}",
            422),
        bad(
            "assignee not staff",
            "PATCH",
            "/api/v1/complaints/{id}/assign",
            JSON,
            "{\"assigned_porter_id\":\"" + UUID.randomUUID() + "\"}",
            422),
        bad("empty combined change", "PATCH", "/api/v1/complaints/{id}", JSON, "{}", 422),
        bad(
            "combined with bad status",
            "PATCH",
            "/api/v1/complaints/{id}",
            JSON,
            "{\"status\":\"open\"}",
            422),
        // auth and staff
        bad("login without fields", "POST", "/auth/login-json", JSON, "{}", 422),
        bad(
            "login without password",
            "POST",
            "/auth/login-json",
            JSON,
            "{\"username\":\"a@b.c\"}",
            422),
        bad("login malformed", "POST", "/auth/login-json", JSON, "{\"username\"", 400),
        bad(
            "login name too long",
            "POST",
            "/auth/login-json",
            JSON,
            "{\"username\":\"" + "u".repeat(300) + "\",\"password\":\"x\"}",
            422),
        bad(
            "form login without password",
            "POST",
            "/auth/login",
            "application/x-www-form-urlencoded",
            "username=a",
            422),
        bad(
            "register without name",
            "POST",
            "/auth/register",
            JSON,
            "{\"email\":\"n@test.local\",\"password\":\"Good-Passw0rd\"}",
            422),
        bad(
            "register bad email",
            "POST",
            "/auth/register",
            JSON,
            "{\"full_name\":\"N\",\"email\":\"not-an-email\",\"password\":\"Good-Passw0rd\"}",
            422),
        bad(
            "register unknown role",
            "POST",
            "/auth/register",
            JSON,
            "{\"full_name\":\"N\",\"email\":\"r@test.local\",\"password\":\"Good-Passw0rd\",\"role\":\"superuser\"}",
            422),
        bad(
            "register bad phone",
            "POST",
            "/auth/register",
            JSON,
            "{\"full_name\":\"N\",\"phone\":\"call me\",\"password\":\"Good-Passw0rd\"}",
            422),
        bad(
            "register without contact",
            "POST",
            "/auth/register",
            JSON,
            "{\"full_name\":\"N\",\"password\":\"Good-Passw0rd\"}",
            422),
        bad(
            "register script in name",
            "POST",
            "/auth/register",
            JSON,
            "{\"full_name\":\""
                + "n".repeat(121)
                + "\",\"email\":\"s@test.local\",\"password\":\"Good-Passw0rd\"}",
            422),
        bad(
            "weak new password",
            "POST",
            "/api/v1/profile/change-password",
            JSON,
            "{\"current_password\":\""
                + TestSetup.ADMIN_PASSWORD
                + "\",\"new_password\":\"short\"}",
            400),
        // purge
        bad(
            "purge open status",
            "DELETE",
            "/api/v1/admin/purge",
            JSON,
            "{\"complaint_status\":\"reported\",\"days_old\":0}",
            422),
        bad("purge negative days", "DELETE", "/api/v1/admin/purge", JSON, "{\"days_old\":-1}", 422),
        bad(
            "purge days as text",
            "DELETE",
            "/api/v1/admin/purge",
            JSON,
            "{\"days_old\":\"all\"}",
            422),
        bad(
            "purge dry run as text",
            "DELETE",
            "/api/v1/admin/purge",
            JSON,
            "{\"dry_run\":\"maybe\",\"days_old\":0}",
            422),
        bad("purge malformed", "DELETE", "/api/v1/admin/purge", JSON, "{\"days_old\":0", 400),
        bad(
            "purge unknown field",
            "DELETE",
            "/api/v1/admin/purge",
            JSON,
            "{\"everything\":true,\"days_old\":0}",
            422));
  }

  static Arguments bad(
      String name, String method, String path, String type, String body, int status) {
    return Arguments.of(name, method, path, type, body, status);
  }

  @ParameterizedTest(name = "{0} → {5}")
  @MethodSource("badRequests")
  void isRefusedWithAProblemAndChangesNothing(
      String name, String method, String path, String type, String body, int status) {
    Map<String, Long> before = snapshot();
    Api.Call call = api.call(method, path.replace("{id}", complaintId)).token(admin);
    if (type != null) {
      call.raw(type, body);
    }
    Api.Response response = call.send();

    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").isString()).isTrue();
    assertThat(problem.get("type").isString()).isTrue();
    assertThat(problem.get("detail").isString()).isTrue();
    assertThat(response.body()).doesNotContain("Exception", "at org.", "SQL");
    if (status == 422 && !path.startsWith("/api/v1/complaints?")) {
      assertThat(problem.get("errors").isArray()).isTrue();
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void everyWrongFieldOfASubmissionIsReportedInOneAnswerInWordsAPersonUnderstands() {
    Map<String, Long> before = snapshot();
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    body.put("hostel", "block-z");
    body.put("room_number", "Z9999");
    body.put("category", "gardening");
    body.put("description", "short");

    Api.Response response = api.post("/api/v1/complaints/submit", admin, body);

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    response
        .json()
        .get("errors")
        .forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
    assertThat(errors)
        .containsExactly(
            Map.entry(
                "hostel",
                "Hostel must be one of Block A (block-a), Block B (block-b),"
                    + " Block C (block-c), Block D (block-d)"),
            Map.entry(
                "room_number", "Room must be a letter A–H followed by three digits, e.g. A312"),
            Map.entry(
                "category",
                "Category must be one of plumbing, electrical, carpentry, pest, metalworks,"
                    + " other"),
            Map.entry("description", "Description must be 10 to 2000 characters long"));
    assertThat(response.json().get("detail").asString())
        .isEqualTo("4 fields are not valid: hostel, room_number, category, description");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aSingleWrongFieldIsTheWholeDetail() {
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    body.put("room_number", "A31");

    Api.Response response = api.post("/api/v1/complaints/submit", admin, body);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Room must be a letter A–H followed by three digits, e.g. A312");
  }

  @Test
  void sqlAndScriptInTextAreStoredAndReturnedAsPlainText() {
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    String text =
        "'; DROP TABLE complaints; -- <script>alert(1)</script> <img src=x onerror=alert(1)>";
    body.put("description", text);
    JsonNode created = fixtures.submit(body);
    assertThat(created.get("description").asString()).isEqualTo(text);
    assertThat(
            api.get("/api/v1/complaints/" + created.get("id").asString(), admin)
                .json()
                .get("description")
                .asString())
        .isEqualTo(text);
    JsonNode found =
        api.get(
                "/api/v1/complaints?telegram_user_id="
                    + body.get("telegram_user_id")
                    + "&q=%27%3B%20DROP%20TABLE",
                admin)
            .json();
    assertThat(found.get("total").asLong()).isEqualTo(1);
    JsonNode injected =
        api.get(
                "/api/v1/complaints?q=%27%20OR%20%271%27%3D%271&telegram_user_id="
                    + body.get("telegram_user_id"),
                admin)
            .json();
    assertThat(injected.get("total").asLong()).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM complaints").query(Long.class).single()).isPositive();
  }

  private Map<String, Long> snapshot() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table :
        List.of("complaints", "staff", "complaint_history", "idempotency_keys", "revoked_tokens")) {
      counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
    }
    counts.put(
        "version",
        jdbc.sql("SELECT version FROM complaints WHERE id = :id")
            .param("id", complaintId)
            .query(Long.class)
            .single());
    counts.put(
        "admin password changes",
        jdbc.sql("SELECT max(tokens_valid_after) FROM staff").query(Long.class).single());
    return counts;
  }
}
