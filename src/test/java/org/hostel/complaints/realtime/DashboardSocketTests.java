package org.hostel.complaints.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.Multipart;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@EmbeddedContext
class DashboardSocketTests {

  Api api;
  Fixtures fixtures;

  @BeforeEach
  void setUp(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
  }

  @Test
  void socketWithoutTokenIsClosedWith4001() {
    try (var dashboard = DashboardClient.open(api.base(), null)) {
      assertThat(dashboard.closeCode()).isEqualTo(4001);
    }
  }

  @Test
  void socketWithForgedTokenIsClosedWith4001() {
    try (var dashboard = DashboardClient.open(api.base(), "eyJhbGciOiJIUzI1NiJ9.e30.forged")) {
      assertThat(dashboard.closeCode()).isEqualTo(4001);
    }
  }

  @Test
  void socketWithLoggedOutTokenIsClosedWith4001() {
    var porter = fixtures.porter();
    assertThat(api.call("POST", "/auth/logout").token(porter.token()).send().status())
        .isEqualTo(204);
    try (var dashboard = DashboardClient.open(api.base(), porter.token())) {
      assertThat(dashboard.closeCode()).isEqualTo(4001);
    }
  }

  @Test
  void anOpenSocketIsClosedWith4001WhenItsTokenIsLoggedOut() {
    var porter = fixtures.porter();
    var other = fixtures.porter();
    try (var dashboard = DashboardClient.open(api.base(), porter.token());
        var untouched = DashboardClient.open(api.base(), other.token())) {
      awaitReady(dashboard, untouched);
      assertThat(api.call("POST", "/auth/logout").token(porter.token()).send().status())
          .isEqualTo(204);

      assertThat(dashboard.closeCode()).isEqualTo(4001);
      awaitReady(untouched);
    }
  }

  @Test
  void integrationTokenIsNotADashboardLogin() {
    try (var dashboard = DashboardClient.open(api.base(), TestSetup.SERVICE_TOKEN)) {
      assertThat(dashboard.closeCode()).isEqualTo(4003);
    }
  }

  @Test
  void pingIsAnsweredWithPong() {
    try (var dashboard = DashboardClient.open(api.base(), fixtures.adminToken())) {
      dashboard.send("ping");
      assertThat(dashboard.next()).isEqualTo("pong");
      assertThat(dashboard.isOpen()).isTrue();
    }
  }

  @Test
  void adminAndEveryPorterHearOfANewComplaint() {
    var porter = fixtures.porter();
    try (var admin = DashboardClient.open(api.base(), fixtures.adminToken());
        var porterDashboard = DashboardClient.open(api.base(), porter.token())) {
      awaitReady(admin, porterDashboard);
      JsonNode created = fixtures.submit();

      for (var dashboard : new DashboardClient[] {admin, porterDashboard}) {
        JsonNode event = dashboard.nextEvent();
        assertThat(event.get("event_type").asString()).isEqualTo("new_complaint");
        assertThat(event.get("timestamp").asString()).endsWith("Z");
        JsonNode data = event.get("data");
        assertThat(data.get("id").asString()).isEqualTo(created.get("id").asString());
        assertThat(data.get("hostel").asString()).isEqualTo("block-a");
        assertThat(data.get("category").asString()).isEqualTo("plumbing");
        assertThat(data.get("severity").asString()).isEqualTo("high");
      }
    }
  }

  @Test
  void statusChangeReachesAdminsAndTheAssigneeButNotOtherPorters() {
    var assignee = fixtures.porter();
    var other = fixtures.porter();
    String id = fixtures.submit().get("id").asString();
    fixtures.assign(id, assignee.id());
    try (var admin = DashboardClient.open(api.base(), fixtures.adminToken());
        var mine = DashboardClient.open(api.base(), assignee.token());
        var theirs = DashboardClient.open(api.base(), other.token())) {
      awaitReady(admin, mine, theirs);
      var moved =
          api.patch(
              "/api/v1/complaints/" + id + "/status",
              assignee.token(),
              Map.of("status", "in_progress"));
      assertThat(moved.status()).isEqualTo(200);

      for (var dashboard : new DashboardClient[] {admin, mine}) {
        JsonNode event = dashboard.nextEvent();
        assertThat(event.get("event_type").asString()).isEqualTo("status_update");
        JsonNode data = event.get("data");
        assertThat(data.get("complaint_id").asString()).isEqualTo(id);
        assertThat(data.get("old_status").asString()).isEqualTo("reported");
        assertThat(data.get("new_status").asString()).isEqualTo("in_progress");
        assertThat(data.get("updated_by").asString()).isEqualTo(assignee.id().toString());
      }
      // Events keep their order, so the other porter's first message being the next new
      // complaint proves the status change never reached them.
      String next = fixtures.submit().get("id").asString();
      assertThat(theirs.nextEvent().get("data").get("id").asString()).isEqualTo(next);
    }
  }

  @Test
  void anInternalNoteReachesAdminsAndTheAssigneeButNotOtherPorters() {
    var assignee = fixtures.porter();
    var other = fixtures.porter();
    String id = fixtures.submit().get("id").asString();
    fixtures.assign(id, assignee.id());
    try (var admin = DashboardClient.open(api.base(), fixtures.adminToken());
        var mine = DashboardClient.open(api.base(), assignee.token());
        var theirs = DashboardClient.open(api.base(), other.token())) {
      awaitReady(admin, mine, theirs);
      var note =
          api.post(
              "/api/v1/complaints/" + id + "/comments",
              assignee.token(),
              Map.of("body", "<i>Key at the desk</i>", "visibility", "internal"));
      assertThat(note.status()).isEqualTo(201);

      for (var dashboard : new DashboardClient[] {admin, mine}) {
        JsonNode event = dashboard.nextEvent();
        assertThat(event.get("event_type").asString()).isEqualTo("comment_added");
        JsonNode data = event.get("data");
        assertThat(data.get("complaint_id").asString()).isEqualTo(id);
        assertThat(data.get("visibility").asString()).isEqualTo("internal");
        assertThat(data.get("body").asString()).isEqualTo("<i>Key at the desk</i>");
        assertThat(data.get("author_name").asString()).isEqualTo("Test porter");
      }
      String next = fixtures.submit().get("id").asString();
      assertThat(theirs.nextEvent().get("data").get("id").asString()).isEqualTo(next);
    }
  }

  @Test
  void addingProcessingAndRemovingAPhotoReachesAdminsAndTheAssignee() {
    var assignee = fixtures.porter();
    String id = fixtures.submit().get("id").asString();
    fixtures.assign(id, assignee.id());
    try (var admin = DashboardClient.open(api.base(), fixtures.adminToken());
        var mine = DashboardClient.open(api.base(), assignee.token())) {
      awaitReady(admin, mine);
      Multipart upload =
          Multipart.file(
              "leak.jpg", "image/jpeg", org.hostel.complaints.photo.TestImages.jpeg(64, 48));
      var added =
          api.call("POST", "/api/v1/complaints/" + id + "/photos")
              .token(assignee.token())
              .bytes(upload.contentType(), upload.bytes())
              .send();
      assertThat(added.status()).as(added.toString()).isEqualTo(201);
      String photo = added.json().get("id").asString();
      for (var dashboard : new DashboardClient[] {admin, mine}) {
        JsonNode event = dashboard.nextEvent();
        assertThat(event.get("event_type").asString()).isEqualTo("photo_added");
        assertThat(event.get("data").get("complaint_id").asString()).isEqualTo(id);
        assertThat(event.get("data").get("photo_id").asString()).isEqualTo(photo);
      }
      // Processed in the background after the upload was answered.
      for (var dashboard : new DashboardClient[] {admin, mine}) {
        JsonNode event = dashboard.nextEvent();
        assertThat(event.get("event_type").asString()).isEqualTo("photo_ready");
        assertThat(event.get("data").get("complaint_id").asString()).isEqualTo(id);
        assertThat(event.get("data").get("photo_id").asString()).isEqualTo(photo);
        assertThat(event.get("data").get("state").asString()).isEqualTo("ready");
      }
      assertThat(
              api.delete("/api/v1/complaints/" + id + "/photos/" + photo, assignee.token())
                  .status())
          .isEqualTo(204);
      for (var dashboard : new DashboardClient[] {admin, mine}) {
        JsonNode event = dashboard.nextEvent();
        assertThat(event.get("event_type").asString()).isEqualTo("photo_removed");
        assertThat(event.get("data").get("photo_id").asString()).isEqualTo(photo);
      }
    }
  }

  @Test
  void reassignmentReachesTheNewAndThePreviousAssignee() {
    var first = fixtures.porter();
    var second = fixtures.porter();
    var bystander = fixtures.porter();
    String id = fixtures.submit().get("id").asString();
    fixtures.assign(id, first.id());
    try (var firstDashboard = DashboardClient.open(api.base(), first.token());
        var secondDashboard = DashboardClient.open(api.base(), second.token());
        var bystanderDashboard = DashboardClient.open(api.base(), bystander.token())) {
      awaitReady(firstDashboard, secondDashboard, bystanderDashboard);
      fixtures.assign(id, second.id());

      for (var dashboard : new DashboardClient[] {firstDashboard, secondDashboard}) {
        JsonNode event = dashboard.nextEvent();
        assertThat(event.get("event_type").asString()).isEqualTo("assignment_update");
        assertThat(event.get("data").get("complaint_id").asString()).isEqualTo(id);
        assertThat(event.get("data").get("assigned_to").asString())
            .isEqualTo(second.id().toString());
        assertThat(event.get("data").get("assigned_by").isNull()).isFalse();
      }
      String next = fixtures.submit().get("id").asString();
      assertThat(bystanderDashboard.nextEvent().get("data").get("id").asString()).isEqualTo(next);
    }
  }

  @Test
  void rejectedWriteSendsNoEvent() {
    String id = fixtures.submit().get("id").asString();
    try (var admin = DashboardClient.open(api.base(), fixtures.adminToken())) {
      awaitReady(admin);
      var illegal =
          api.patch(
              "/api/v1/complaints/" + id + "/status",
              fixtures.adminToken(),
              Map.of("status", "resolved"));
      assertThat(illegal.status()).isEqualTo(400);
      String next = fixtures.submit().get("id").asString();
      assertThat(admin.nextEvent().get("data").get("id").asString()).isEqualTo(next);
    }
  }

  @Test
  void statsCountOpenSocketsByRoleForAdminsOnly() {
    var porter = fixtures.porter();
    try (var admin = DashboardClient.open(api.base(), fixtures.adminToken());
        var porterDashboard = DashboardClient.open(api.base(), porter.token())) {
      awaitReady(admin, porterDashboard);
      JsonNode stats = api.get("/api/v1/websocket/stats", fixtures.adminToken()).json();
      assertThat(stats.get("total_connections").asInt()).isGreaterThanOrEqualTo(2);
      assertThat(stats.get("connections_by_role").get("admin").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(stats.get("connections_by_role").get("porter").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(api.get("/api/v1/websocket/stats", porter.token()).status()).isEqualTo(403);
      assertThat(api.get("/api/v1/websocket/stats", null).status()).isEqualTo(401);

      JsonNode health = api.get("/api/v1/websocket/health", null).json();
      assertThat(health.get("status").asString()).isEqualTo("healthy");
      assertThat(health.get("active_connections").asInt()).isGreaterThanOrEqualTo(2);
      assertThat(api.get("/health", null).json().get("websocket_connections").asInt())
          .isGreaterThanOrEqualTo(2);
    }
  }

  /** A pong proves the server has registered the socket, so no event can slip past it. */
  static void awaitReady(DashboardClient... dashboards) {
    for (var dashboard : dashboards) {
      dashboard.send("ping");
      assertThat(dashboard.next()).isEqualTo("pong");
    }
  }
}
