package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@EmbeddedContext
class ComplaintSortTests {

  Api api;
  Fixtures fixtures;
  String reporter;
  List<String> created;

  @BeforeEach
  void setUp(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
    reporter = Fixtures.reporter();
    created = new ArrayList<>();
    for (String severity : List.of("medium", "high", "low")) {
      Map<String, Object> body = Fixtures.complaint(reporter);
      body.put("severity", severity);
      created.add(fixtures.submit(body).get("id").asString());
    }
  }

  List<String> listed(String sort) {
    Api.Response response =
        api.get(
            "/api/v1/complaints?telegram_user_id="
                + reporter
                + (sort == null ? "" : "&sort=" + sort),
            fixtures.adminToken());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode item : response.json().get("items")) {
      ids.add(item.get("id").asString());
    }
    return ids;
  }

  @Test
  void theListIsNewestFirstUnlessASortIsGiven() {
    assertThat(listed(null)).containsExactly(created.get(2), created.get(1), created.get(0));
    assertThat(listed("created_at"))
        .containsExactly(created.get(0), created.get(1), created.get(2));
  }

  @Test
  void mostSevereFirstPutsHighBeforeMediumBeforeLow() {
    assertThat(listed("-severity")).containsExactly(created.get(1), created.get(0), created.get(2));
  }

  @Test
  void recentlyChangedFirstFollowsTheLastChange() {
    fixtures.move(created.get(0), "in_progress");

    assertThat(listed("-updated_at").getFirst()).isEqualTo(created.get(0));
  }

  @Test
  void anUnknownSortIsAValidationProblem() {
    Api.Response response = api.get("/api/v1/complaints?sort=description", fixtures.adminToken());

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
  }
}
