package org.hostel.complaints.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Comments and internal notes over real HTTP, once on SQLite and once on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CommentSuite {

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

  Api.Response post(String complaint, String token, String body, String visibility) {
    return api.post(
        "/api/v1/complaints/" + complaint + "/comments",
        token,
        Map.of("body", body, "visibility", visibility));
  }

  List<String> bodies(String complaint, String token) {
    Api.Response read = api.get("/api/v1/complaints/" + complaint + "/comments", token);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    List<String> bodies = new ArrayList<>();
    read.json().forEach(c -> bodies.add(c.get("visibility").asString() + ":" + c.get("body")));
    return bodies;
  }

  @Test
  void staffWriteBothKindsAndOnlyStaffReadInternalNotes() {
    Fixtures.Staff porter = fixtures.porter();
    String id = fixtures.submit().get("id").asString();
    fixtures.assign(id, porter.id());

    Api.Response note = post(id, porter.token(), "  Needs a 15 mm washer  ", "internal");
    assertThat(note.status()).as(note.toString()).isEqualTo(201);
    JsonNode written = note.json();
    assertThat(written.get("body").asString()).isEqualTo("Needs a 15 mm washer");
    assertThat(written.get("visibility").asString()).isEqualTo("internal");
    assertThat(written.get("author_id").asString()).isEqualTo(porter.id().toString());
    assertThat(written.get("author_name").asString()).isEqualTo("Test porter");
    assertThat(written.get("created_at").asString()).endsWith("Z");
    assertThat(written.get("edited_at").isNull()).isTrue();
    assertThat(post(id, admin, "We come tomorrow morning", "public").status()).isEqualTo(201);

    assertThat(bodies(id, admin))
        .containsExactly(
            "internal:\"Needs a 15 mm washer\"", "public:\"We come tomorrow morning\"");
    assertThat(bodies(id, porter.token())).hasSize(2);
    assertThat(bodies(id, TestSetup.SERVICE_TOKEN))
        .containsExactly("public:\"We come tomorrow morning\"");

    List<String> history = new ArrayList<>();
    api.get("/api/v1/complaints/" + id + "/history", admin)
        .json()
        .forEach(e -> history.add(e.get("action").asString() + ":" + e.get("from").asString()));
    assertThat(history).contains("comment:internal", "comment:public");
  }

  @Test
  void aCommentOnAComplaintTheCallerCannotSeeIs404AndNothingIsStored() {
    Fixtures.Staff assignee = fixtures.porter();
    Fixtures.Staff other = fixtures.porter();
    String id = fixtures.submit().get("id").asString();
    fixtures.assign(id, assignee.id());

    assertThat(post(id, other.token(), "Let me in", "public").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/complaints/" + id + "/comments", other.token()).status())
        .isEqualTo(404);
    assertThat(
            post("00000000-0000-0000-0000-000000000000", admin, "Nobody here", "public").status())
        .isEqualTo(404);
    assertThat(bodies(id, admin)).isEmpty();
  }

  @Test
  void theIntegrationWritesPublicCommentsForTheReporterOnly() {
    String id = fixtures.submit().get("id").asString();
    Api.Response reporter =
        post(id, TestSetup.SERVICE_TOKEN, "The tap is still dripping", "public");
    assertThat(reporter.status()).as(reporter.toString()).isEqualTo(201);
    assertThat(reporter.json().get("author_id").isNull()).isTrue();
    assertThat(reporter.json().get("author_name").asString()).isEqualTo("Reporter");

    Api.Response internal = post(id, TestSetup.SERVICE_TOKEN, "Psst", "internal");
    assertThat(internal.status()).isEqualTo(403);
    String cid = reporter.json().get("id").asString();
    Api.Response edit =
        api.patch(
            "/api/v1/complaints/" + id + "/comments/" + cid,
            TestSetup.SERVICE_TOKEN,
            Map.of("body", "changed"));
    assertThat(edit.status()).isEqualTo(403);
    assertThat(bodies(id, admin)).containsExactly("public:\"The tap is still dripping\"");
  }

  @Test
  void emptyOrOverlongOrBadlyLabelledCommentsAreRefused() {
    String id = fixtures.submit().get("id").asString();
    for (String body : List.of("", "   \n ", "x".repeat(5001))) {
      Api.Response refused = post(id, admin, body, "public");
      assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
      assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(post(id, admin, "fine", "secret").status()).isEqualTo(422);
    assertThat(
            api.post("/api/v1/complaints/" + id + "/comments", admin, Map.of("body", "no label"))
                .status())
        .isEqualTo(422);
    assertThat(bodies(id, admin)).isEmpty();
    assertThat(post(id, admin, "y".repeat(5000), "public").status()).isEqualTo(201);
  }

  @Test
  void markupIsKeptAsTextExactlyAsWritten() {
    String id = fixtures.submit().get("id").asString();
    String html = "<script>alert(1)</script><b>bold</b> & **not markdown**";
    Api.Response written = post(id, admin, html, "public");
    assertThat(written.json().get("body").asString()).isEqualTo(html);
    assertThat(
            api.get("/api/v1/complaints/" + id + "/comments", admin)
                .json()
                .get(0)
                .get("body")
                .asString())
        .isEqualTo(html);
  }

  @Test
  void theAuthorEditsWithinTenMinutesAndTheOldTextStaysInTheHistory() {
    Fixtures.Staff porter = fixtures.porter();
    String id = fixtures.submit().get("id").asString();
    fixtures.assign(id, porter.id());
    String cid = post(id, porter.token(), "Washer swapped", "internal").json().get("id").asString();
    String path = "/api/v1/complaints/" + id + "/comments/" + cid;

    Api.Response byAdmin = api.patch(path, admin, Map.of("body", "Not mine"));
    assertThat(byAdmin.status()).isEqualTo(403);
    Api.Response edited =
        api.patch(path, porter.token(), Map.of("body", "Washer and seal swapped"));
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.json().get("body").asString()).isEqualTo("Washer and seal swapped");
    assertThat(edited.json().get("edited_at").asString()).endsWith("Z");
    assertThat(api.patch(path, porter.token(), Map.of("body", "")).status()).isEqualTo(422);

    JsonNode last = null;
    for (JsonNode e : api.get("/api/v1/complaints/" + id + "/history", admin).json()) {
      last = e;
    }
    assertThat(last.get("action").asString()).isEqualTo("comment_edited");
    assertThat(last.get("from").asString()).isEqualTo("Washer swapped");
    assertThat(last.get("to").asString()).isEqualTo(cid);

    jdbc.sql("UPDATE complaint_comments SET created_at = created_at - 600001 WHERE id = :id")
        .param("id", cid)
        .update();
    Api.Response late = api.patch(path, porter.token(), Map.of("body", "Too late"));
    assertThat(late.status()).as(late.toString()).isEqualTo(409);
    assertThat(bodies(id, admin)).containsExactly("internal:\"Washer and seal swapped\"");
  }

  @Test
  void anInternalNoteIsUnknownToTheIntegrationAndAnotherComplaintsCommentToo() {
    String id = fixtures.submit().get("id").asString();
    String other = fixtures.submit().get("id").asString();
    String cid = post(id, admin, "Staff only", "internal").json().get("id").asString();
    assertThat(
            api.patch(
                    "/api/v1/complaints/" + id + "/comments/" + cid,
                    TestSetup.SERVICE_TOKEN,
                    Map.of("body", "x"))
                .status())
        .isEqualTo(404);
    assertThat(
            api.patch(
                    "/api/v1/complaints/" + other + "/comments/" + cid, admin, Map.of("body", "x"))
                .status())
        .isEqualTo(404);
  }
}
