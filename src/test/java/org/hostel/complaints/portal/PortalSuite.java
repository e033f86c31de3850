package org.hostel.complaints.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The public report, tracking links and the channel, end to end; run on the embedded database
 * ({@link PortalTests}) and on PostgreSQL ({@link PostgresPortalTests}).
 */
abstract class PortalSuite {

  @Autowired PortalKeys keys;

  @Test
  void aPublicReportAnswersItsReferenceAndATrackingLinkAndCountsAsPortal(
      Api api, Fixtures fixtures) {
    String room = PortalForms.room();
    Map<String, Object> body = PortalForms.report(keys, room);
    Api.Response created = api.post("/api/v1/public/complaints", null, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String reference = created.json().get("reference").asString();
    String url = created.json().get("tracking_url").asString();
    assertThat(reference).matches("C-[0-9]+");
    assertThat(url).startsWith(api.base() + "/track/");
    String token = url.substring(url.lastIndexOf('/') + 1);
    assertThat(token).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url

    Api.Response track = api.get("/api/v1/public/track/" + token, null);
    assertThat(track.status()).isEqualTo(200);
    assertThat(track.json().get("reference").asString()).isEqualTo(reference);
    assertThat(track.json().get("status").asString()).isEqualTo("reported");
    assertThat(track.json().get("history").get(0).get("action").asString()).isEqualTo("created");
    assertThat(track.json().get("comments").size()).isZero();
    assertThat(track.header("X-Robots-Tag")).hasValue("noindex");
    assertThat(track.header("Referrer-Policy")).hasValue("no-referrer");

    JsonNode listed =
        api.get(
                "/api/v1/complaints?channel=portal&q=" + PortalForms.marker(body),
                fixtures.adminToken())
            .json();
    assertThat(listed.get("items").size()).isEqualTo(1);
    assertThat(listed.get("items").get(0).get("channel").asString()).isEqualTo("portal");
    assertThat(listed.get("items").get(0).get("telegram_user_id").isNull()).isTrue();
  }

  @Test
  void theReportPageAndThePublicApiShowTheHostelsActiveIncidentsOnly(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    String marker = Long.toString(System.nanoTime(), 36);
    declare(api, admin, "No <water> " + marker, "block-b", "2026-12-02T16:00:00Z");
    String there = declare(api, admin, "No power " + marker, "block-c", null);
    String over = declare(api, admin, "Lift stuck " + marker, "block-b", null);
    assertThat(api.post("/api/v1/incidents/" + over + "/resolve", admin, Map.of()).status())
        .isEqualTo(200);

    Api.Response page = api.get("/report?h=block-b", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("No &lt;water&gt; " + marker, "Expected to be fixed by 2026-12-02 16:00 UTC")
        .contains("Public message " + marker + " &amp; more")
        .doesNotContain("No <water>", "No power " + marker, "Lift stuck " + marker);
    assertThat(page.body().indexOf("id=\"incidents\""))
        .isLessThan(page.body().indexOf("id=\"description\""));

    Api.Response json = api.get("/api/v1/public/incidents?hostel=block-b", null);
    assertThat(json.status()).isEqualTo(200);
    List<JsonNode> items = new java.util.ArrayList<>();
    json.json().get("items").forEach(items::add);
    assertThat(items)
        .filteredOn(i -> i.get("title").asString().endsWith(marker))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.get("title").asString()).isEqualTo("No <water> " + marker);
              assertThat(i.get("message").asString())
                  .isEqualTo("Public message " + marker + " & more");
              assertThat(i.get("eta").asString()).startsWith("2026-12-02T16:00");
              assertThat(i.size()).isEqualTo(3);
            });
    assertThat(api.get("/api/v1/public/incidents?hostel=block-c", null).body())
        .contains("No power " + marker)
        .doesNotContain("water> " + marker);
    assertThat(api.get("/api/v1/public/incidents?hostel=atlantis", null).status()).isEqualTo(422);
    assertThat(api.get("/api/v1/public/incidents", null).status()).isEqualTo(422);
    assertThat(there).isNotBlank();
  }

  private static String declare(
      Api api, String admin, String title, String hostel, @Nullable String eta) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("title", title);
    body.put("category", "electrical");
    body.put(
        "message", "Public message " + title.substring(title.lastIndexOf(' ') + 1) + " & more");
    body.put("scope", List.of(Map.of("hostel", hostel)));
    if (eta != null) {
      body.put("eta", eta);
    }
    Api.Response declared = api.post("/api/v1/incidents", admin, body);
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    return declared.json().get("id").asString();
  }

  @Test
  void theApiAndTheBotKeepTheirChannelsAndAnUnknownChannelIs422(Api api, Fixtures fixtures) {
    assertThat(fixtures.submit().get("channel").asString()).isEqualTo("bot");
    Map<String, Object> staff = Fixtures.complaint(Fixtures.reporter());
    staff.remove("telegram_user_id");
    assertThat(fixtures.submit(staff).get("channel").asString()).isEqualTo("staff");
    Api.Response bad = api.get("/api/v1/complaints?channel=fax", fixtures.adminToken());
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("channel");
  }

  @Test
  void thePlainFormRedirectsToTheTrackingPage(Api api) {
    String room = PortalForms.room();
    Api.Response sent =
        api.call("POST", "/report")
            .raw(
                "application/x-www-form-urlencoded",
                PortalForms.encoded(PortalForms.report(keys, room)))
            .send();
    assertThat(sent.status()).as(sent.toString()).isEqualTo(303);
    String location = sent.header("Location").orElseThrow();
    assertThat(location).startsWith("/track/");

    Api.Response page = api.get(location, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.header("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.header("X-Robots-Tag").orElseThrow()).contains("noindex");
    assertThat(page.header("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(page.body()).contains("<meta name=\"robots\" content=\"noindex").contains(room);
  }

  @Test
  void aFormWithProblemsComesBackWithEachProblemAndStoresNothing(Api api, Fixtures fixtures) {
    String room = PortalForms.room();
    Map<String, Object> body = PortalForms.report(keys, room);
    body.put("description", "short");
    body.put("category", "astrology");
    body.put("email", "not an address");
    Api.Response json = api.post("/api/v1/public/complaints", null, body);
    assertThat(json.status()).isEqualTo(422);
    assertThat(json.header("Content-Type")).hasValue("application/problem+json");

    body.remove("email");
    Api.Response form =
        api.call("POST", "/report")
            .raw("application/x-www-form-urlencoded", PortalForms.encoded(body))
            .send();
    assertThat(form.status()).isEqualTo(422);
    assertThat(form.body())
        .contains("id=\"err-description\"")
        .contains("id=\"err-category\"")
        .contains("value=\"" + room + "\"");
    JsonNode listed =
        api.get("/api/v1/complaints?q=" + PortalForms.marker(body), fixtures.adminToken()).json();
    assertThat(listed.get("total").asLong()).isZero();
  }

  @Test
  void theHoneypotAFormSentTooFastAndAForgedStampAreRefused(Api api) {
    Map<String, Object> robot = PortalForms.report(keys, PortalForms.room());
    robot.put("website", "https://spam.example");
    assertThat(api.post("/api/v1/public/complaints", null, robot).status()).isEqualTo(400);

    Map<String, Object> fast = PortalForms.report(keys, PortalForms.room());
    fast.put("stamp", keys.stamp(System.currentTimeMillis()));
    Api.Response tooFast = api.post("/api/v1/public/complaints", null, fast);
    assertThat(tooFast.status()).isEqualTo(400);
    assertThat(tooFast.json().get("detail").asString()).contains("too quickly");

    Map<String, Object> forged = PortalForms.report(keys, PortalForms.room());
    forged.put("stamp", "1000.AAAAAAAAAAAAAAAA");
    assertThat(api.post("/api/v1/public/complaints", null, forged).status()).isEqualTo(400);
  }

  @Test
  void aPosterCodeLocksItsRoomAndATamperedOneIsRefused(Api api, Fixtures fixtures) {
    String room = PortalForms.room();
    String code = keys.posterCode("block-a", room);
    Api.Response page = api.get("/report?h=block-a&r=" + room + "&k=" + code, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"place\"").contains("name=\"poster\" value=\"" + code);

    Map<String, Object> body = PortalForms.report(keys, room);
    body.put("poster", code);
    PortalForms.submit(api, body);
    JsonNode listed =
        api.get("/api/v1/complaints?q=" + PortalForms.marker(body), fixtures.adminToken()).json();
    assertThat(listed.get("items").get(0).get("channel").asString()).isEqualTo("poster");

    String other = room.startsWith("B") ? "C" + room.substring(1) : "B" + room.substring(1);
    assertThat(api.get("/report?h=block-a&r=" + other + "&k=" + code, null).status())
        .isEqualTo(400);
    Map<String, Object> moved = PortalForms.report(keys, other);
    moved.put("poster", code);
    Api.Response refused = api.post("/api/v1/public/complaints", null, moved);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("poster");
  }

  @Test
  void theTrackingPageShowsPublicCommentsOnlyAndNoTraceOfInternalNotes(Api api, Fixtures fixtures) {
    String token = PortalForms.submit(api, PortalForms.report(keys, PortalForms.room()));
    String track = "/api/v1/public/track/" + token;
    String id = complaintId(api, fixtures, track);
    String comments = "/api/v1/complaints/" + id + "/comments";
    Api.Response note =
        api.post(
            comments,
            fixtures.adminToken(),
            Map.of("body", "Supplier owes us a tap", "visibility", "internal"));
    assertThat(note.status()).as(note.toString()).isEqualTo(201);
    Api.Response visible =
        api.post(
            comments,
            fixtures.adminToken(),
            Map.of("body", "<b>The plumber comes at 10:00</b>", "visibility", "public"));
    assertThat(visible.status()).as(visible.toString()).isEqualTo(201);

    JsonNode view = api.get(track, null).json();
    assertThat(view.get("comments").size()).isEqualTo(1);
    assertThat(view.get("comments").get(0).get("text").asString())
        .isEqualTo("<b>The plumber comes at 10:00</b>");
    assertThat(view.toString()).doesNotContain("Supplier owes us a tap");
    assertThat(view.get("history").valueStream().map(s -> s.get("action").asString()))
        .doesNotContain("comment");
    String page = api.get("/track/" + token, null).body();
    assertThat(page)
        .contains("&lt;b&gt;The plumber comes at 10:00&lt;/b&gt;")
        .doesNotContain("Supplier owes us a tap");
  }

  @Test
  void theReporterReopensThenConfirmsAndRatesOnceWithTheBotsRules(Api api, Fixtures fixtures) {
    String token = PortalForms.submit(api, PortalForms.report(keys, PortalForms.room()));
    String track = "/api/v1/public/track/" + token;
    String id = complaintId(api, fixtures, track);

    Api.Response early = api.post(track + "/confirmation", null, Map.of("fixed", true));
    assertThat(early.status()).isEqualTo(409);

    fixtures.move(id, "in_progress");
    fixtures.move(id, "resolved");
    assertThat(api.get(track, null).json().get("can_confirm").asBoolean()).isTrue();
    Api.Response reopened = api.post(track + "/confirmation", null, Map.of("fixed", false));
    assertThat(reopened.status()).isEqualTo(200);
    assertThat(reopened.json().get("status").asString()).isEqualTo("in_progress");

    fixtures.move(id, "resolved");
    Api.Response closed = api.post(track + "/confirmation", null, Map.of("fixed", true));
    assertThat(closed.json().get("status").asString()).isEqualTo("closed");
    assertThat(closed.json().get("can_rate").asBoolean()).isTrue();
    List<String> actions =
        closed.json().get("history").valueStream().map(s -> s.get("action").asString()).toList();
    assertThat(actions).contains("reporter").doesNotContain("assignment");
    assertThat(closed.body()).doesNotContain("actor");
    assertThat(closed.json().get("history").valueStream().allMatch(s -> s.get("by").isNull()))
        .isTrue();

    assertThat(api.post(track + "/rating", null, Map.of("stars", 9)).status()).isEqualTo(422);
    Api.Response rated = api.post(track + "/rating", null, Map.of("stars", 4));
    assertThat(rated.status()).isEqualTo(200);
    assertThat(rated.json().get("rating").asInt()).isEqualTo(4);
    assertThat(api.post(track + "/rating", null, Map.of("stars", 5)).status()).isEqualTo(409);
    assertThat(
            api.get("/api/v1/complaints/" + id, fixtures.adminToken()).json().get("rating").asInt())
        .isEqualTo(4);
  }

  @Test
  void staffRevokeALinkAndMarkingSpamBlocksTheSourceForADay(Api api, Fixtures fixtures) {
    String token = PortalForms.submit(api, PortalForms.report(keys, PortalForms.room()));
    String id = complaintId(api, fixtures, "/api/v1/public/track/" + token);
    String admin = fixtures.adminToken();
    assertThat(api.delete("/api/v1/complaints/" + id + "/tracking-link", admin).status())
        .isEqualTo(204);
    assertThat(api.get("/api/v1/public/track/" + token, null).status()).isEqualTo(404);
    assertThat(api.get("/track/" + token, null).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/public/track/not-a-token-at-all-0000000000", null).status())
        .isEqualTo(404);
    Api.Response form =
        api.call("POST", "/track/" + token + "/rating")
            .raw("application/x-www-form-urlencoded", "stars=4")
            .send();
    assertThat(form.status()).isEqualTo(404);
    assertThat(form.header("Content-Type").orElseThrow()).startsWith("text/html");
  }

  /** The complaint's id as staff know it, found by the reference the tracking link shows. */
  static String complaintId(Api api, Fixtures fixtures, String track) {
    String reference = api.get(track, null).json().get("reference").asString();
    return api.get("/api/v1/complaints/by-reference/" + reference, fixtures.adminToken())
        .json()
        .get("id")
        .asString();
  }
}
