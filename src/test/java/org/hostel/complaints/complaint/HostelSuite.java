package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 end to end, once on SQLite and once on PostgreSQL: similar complaints from the one
 * full-text index, and merging duplicates. Each test works in a wing and room of its own, so other
 * tests' complaints never become candidates.
 */
abstract class HostelSuite {

  @Autowired ApplicationContext context;
  List<ReporterUpdate> updates;
  String wing;
  String room;

  @BeforeEach
  void place() {
    updates = ReporterUpdateLog.of(context);
    wing = "W" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 34), 36);
    wing = wing.substring(0, Math.min(8, wing.length())).toUpperCase();
    room = "H" + ThreadLocalRandom.current().nextInt(100, 1000);
  }

  JsonNode submit(Fixtures fixtures, String description) {
    return submit(fixtures, description, "block-d", room);
  }

  JsonNode submit(Fixtures fixtures, String description, String hostel, String inRoom) {
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    body.put("hostel", hostel);
    body.put("room_number", inRoom);
    body.put("wing", wing);
    body.put("category", "metalworks");
    body.put("description", description);
    return fixtures.submit(body);
  }

  static List<String> ids(JsonNode items) {
    return StreamSupport.stream(items.spliterator(), false)
        .map(i -> i.get("id").asString())
        .toList();
  }

  @Test
  void knownDuplicatesRankInTheTopThree(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    String first =
        submit(fixtures, "The railing on the stairs is loose and wobbles").get("id").asString();
    String second =
        submit(fixtures, "Stairs railing wobbling, loose bolts at the bottom").get("id").asString();
    List<String> unrelated = new ArrayList<>();
    for (String text :
        List.of(
            "Window latch broken, cannot close the window",
            "Bed frame cracked at the corner",
            "Door hinge squeaks every night",
            "Wardrobe handle came off",
            "Curtain rod fell down in the room",
            "Metal shelf bent under the books")) {
      unrelated.add(
          submit(fixtures, text, "block-d", "G" + room.substring(1)).get("id").asString());
    }
    String report =
        submit(fixtures, "Loose railing on the stairs, it wobbles").get("id").asString();

    JsonNode similar = api.get("/api/v1/complaints/" + report + "/similar", admin).json();
    List<String> ranked = ids(similar.get("items"));
    assertThat(ranked.subList(0, 3)).contains(first, second);
    assertThat(ranked).doesNotContain(report).containsAll(unrelated);
    assertThat(similar.get("items").get(0).get("score").asDouble())
        .isGreaterThan(similar.get("items").get(ranked.size() - 1).get("score").asDouble());
    assertThat(similar.get("items").get(0).get("reference").asString()).startsWith("C-");

    Api.Response draft =
        api.post(
            "/api/v1/complaints/similar",
            TestSetup.SERVICE_TOKEN,
            Map.of(
                "hostel", "Block D",
                "room_number", room.toLowerCase(),
                "wing", wing,
                "category", "metalworks",
                "description", "the stair railing wobbles"));
    assertThat(draft.status()).isEqualTo(200);
    assertThat(ids(draft.json().get("items")).subList(0, 3)).contains(first, second, report);
  }

  @Test
  void similarLeavesOutOtherHostelsCategoriesAndFinishedOnes(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    String report = submit(fixtures, "Gate lock jammed").get("id").asString();
    String elsewhere = submit(fixtures, "Gate lock jammed", "block-c", room).get("id").asString();
    String finished = submit(fixtures, "Gate lock jammed again").get("id").asString();
    fixtures.move(finished, "in_progress");
    fixtures.move(finished, "resolved");
    String open = submit(fixtures, "Gate lock stuck").get("id").asString();

    List<String> ranked =
        ids(api.get("/api/v1/complaints/" + report + "/similar", admin).json().get("items"));
    // Rooms are drawn from 900 per run, so another test's complaint may share this one's room.
    assertThat(ranked).first().isEqualTo(open);
    assertThat(ranked).doesNotContain(report, elsewhere, finished);

    Api.Response unknown =
        api.post(
            "/api/v1/complaints/similar",
            admin,
            Map.of(
                "hostel", "nowhere",
                "room_number", room,
                "category", "food",
                "description", "x"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body()).contains("hostel").contains("category");
    assertThat(api.get("/api/v1/complaints/" + UUID.randomUUID() + "/similar", admin).status())
        .isEqualTo(404);
  }

  @Test
  void theListSearchUsesTheSameIndex(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String one = submit(fixtures, "Leaking pipe " + word + " under the sink").get("id").asString();
    submit(fixtures, "Broken chair in the hall");
    String base = "/api/v1/complaints?hostel=block-d&page_size=100&q=";
    assertThat(ids(api.get(base + word, admin).json().get("items"))).containsExactly(one);
    // words are found by their beginning, whatever the case, and every word must be there
    assertThat(ids(api.get(base + word.substring(0, 8).toUpperCase(), admin).json().get("items")))
        .containsExactly(one);
    assertThat(ids(api.get(base + word + "+pipes", admin).json().get("items")))
        .containsExactly(one);
    assertThat(api.get(base + word + "+chair", admin).json().get("total").asLong()).isZero();
    assertThat(api.get(base + "%22%2A%28%29", admin).status()).isEqualTo(200);
  }

  @Test
  void aMergedComplaintIsClosedLinkedAndFollowsItsMaster(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    JsonNode master = submit(fixtures, "Balcony rail broken");
    JsonNode duplicate = submit(fixtures, "Balcony railing is broken");
    String masterId = master.get("id").asString();
    String duplicateId = duplicate.get("id").asString();
    Api.Response noted =
        api.post(
            "/api/v1/complaints/" + duplicateId + "/comments",
            admin,
            Map.of("body", "Rail wobbles at the far end", "visibility", "internal"));
    assertThat(noted.status()).as(noted.body()).isEqualTo(201);

    Api.Response merged =
        api.post("/api/v1/complaints/" + duplicateId + "/merge", admin, Map.of("into", masterId));
    assertThat(merged.status()).isEqualTo(200);
    assertThat(merged.json().get("status").asString()).isEqualTo("closed");
    assertThat(merged.json().get("duplicate_of").asString()).isEqualTo(masterId);
    assertThat(merged.json().has("warning")).isFalse();
    JsonNode masterNow = api.get("/api/v1/complaints/" + masterId, admin).json();
    assertThat(masterNow.get("duplicates").get(0).asString()).isEqualTo(duplicateId);
    assertThat(masterNow.get("duplicates")).hasSize(1);
    // The duplicate's comments are read from the master too, each with its own complaint id.
    JsonNode comments = api.get("/api/v1/complaints/" + masterId + "/comments", admin).json();
    assertThat(comments.toString()).contains("Rail wobbles at the far end", duplicateId);
    assertThat(ReporterUpdateLog.to(updates, UUID.fromString(duplicateId)))
        .extracting(ReporterUpdate::kind)
        .containsExactly("merged");
    assertThat(api.get("/api/v1/complaints/" + duplicateId + "/history", admin).body())
        .contains("\"merged\"");

    fixtures.move(masterId, "in_progress");
    assertThat(ReporterUpdateLog.to(updates, UUID.fromString(duplicateId)))
        .extracting(ReporterUpdate::kind)
        .containsExactly("merged", "master-status");

    Api.Response again =
        api.post("/api/v1/complaints/" + duplicateId + "/merge", admin, Map.of("into", masterId));
    assertThat(again.status()).isEqualTo(409);

    Api.Response unmerged = api.delete("/api/v1/complaints/" + duplicateId + "/merge", admin);
    assertThat(unmerged.status()).isEqualTo(200);
    assertThat(unmerged.json().get("status").asString()).isEqualTo("reported");
    assertThat(unmerged.json().get("duplicate_of").isNull()).isTrue();
    assertThat(api.delete("/api/v1/complaints/" + duplicateId + "/merge", admin).status())
        .isEqualTo(422);
  }

  @Test
  void badMergesAreRefusedAndChangeNothing(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    String a = submit(fixtures, "Fence panel loose").get("id").asString();
    String b = submit(fixtures, "Fence panel loose too").get("id").asString();
    String c =
        submit(fixtures, "Fence panel", "block-a", "A" + room.substring(1)).get("id").asString();

    assertThat(api.post("/api/v1/complaints/" + a + "/merge", admin, Map.of("into", a)).status())
        .isEqualTo(422);
    assertThat(api.post("/api/v1/complaints/" + a + "/merge", admin, Map.of()).status())
        .isEqualTo(422);
    assertThat(
            api.post(
                    "/api/v1/complaints/" + a + "/merge",
                    admin,
                    Map.of("into", UUID.randomUUID().toString()))
                .status())
        .isEqualTo(404);
    assertThat(
            api.post(
                    "/api/v1/complaints/" + a + "/merge",
                    TestSetup.SERVICE_TOKEN,
                    Map.of("into", b))
                .status())
        .isEqualTo(403);
    assertThat(api.post("/api/v1/complaints/" + b + "/merge", admin, Map.of("into", a)).status())
        .isEqualTo(200);
    // a into its own duplicate: a cycle
    assertThat(api.post("/api/v1/complaints/" + a + "/merge", admin, Map.of("into", b)).status())
        .isEqualTo(422);
    assertThat(api.get("/api/v1/complaints/" + a, admin).json().get("status").asString())
        .isEqualTo("reported");

    Api.Response across = api.post("/api/v1/complaints/" + c + "/merge", admin, Map.of("into", a));
    assertThat(across.status()).isEqualTo(200);
    assertThat(across.json().get("warning").asString()).contains("different hostels");
  }

  @Test
  void ofTwoConcurrentMergesOneWins(Api api, Fixtures fixtures) throws Exception {
    String admin = fixtures.adminToken();
    String other = fixtures.admin().token();
    for (int round = 0; round < 3; round++) {
      String a = submit(fixtures, "Door frame split " + round).get("id").asString();
      String b = submit(fixtures, "Door frame split too " + round).get("id").asString();
      List<Callable<Integer>> both =
          List.of(
              () ->
                  api.post("/api/v1/complaints/" + a + "/merge", admin, Map.of("into", b)).status(),
              () ->
                  api.post("/api/v1/complaints/" + b + "/merge", other, Map.of("into", a))
                      .status());
      List<Integer> statuses = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        for (var f : pool.invokeAll(both)) {
          statuses.add(f.get());
        }
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 422);
      JsonNode left = api.get("/api/v1/complaints/" + a, admin).json();
      JsonNode right = api.get("/api/v1/complaints/" + b, admin).json();
      assertThat(left.get("duplicate_of").isNull() ^ right.get("duplicate_of").isNull()).isTrue();
    }
  }

  @Test
  void theExportIsTheListAsSafeCsv(Api api, Fixtures fixtures) throws Exception {
    String admin = fixtures.adminToken();
    String word = "ex" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    List<String> texts =
        List.of(
            "=HYPERLINK(\"http://evil\") " + word,
            "+1 and more " + word,
            "-2 minus " + word,
            "@SUM(A1) " + word,
            "Plain, with \"quotes\"\nand a new line " + word);
    for (String text : texts) {
      submit(fixtures, text);
    }
    Fixtures.Staff porter = fixtures.porter();
    String hidden = submit(fixtures, "Assigned elsewhere " + word).get("id").asString();
    fixtures.assign(hidden, fixtures.porter().id());

    Api.Response csv = api.get("/api/v1/complaints/export.csv?q=" + word, admin);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
    List<CSVRecord> rows = records(csv.body());
    assertThat(rows).hasSize(6);
    assertThat(rows.getFirst().toMap()).containsKey("telegram_user_id");
    List<String> descriptions = rows.stream().map(r -> r.get("description")).toList();
    assertThat(descriptions)
        .contains(
            "'=HYPERLINK(\"http://evil\") " + word,
            "'+1 and more " + word,
            "'-2 minus " + word,
            "'@SUM(A1) " + word,
            "Plain, with \"quotes\"\nand a new line " + word);
    assertThat(rows.getFirst().get("reference")).startsWith("C-");

    Api.Response mine = api.get("/api/v1/complaints/export.csv?q=" + word, porter.token());
    assertThat(records(mine.body())).hasSize(5);
    JsonNode exports =
        api.get(
                "/api/v1/audit?action=complaints.export&actor=" + porter.id() + "&page_size=5",
                admin)
            .json();
    assertThat(exports.get("items").size()).as(exports.toString()).isEqualTo(1);
    assertThat(records(mine.body()).getFirst().toMap()).doesNotContainKey("telegram_user_id");

    Api.Response bom = api.get("/api/v1/complaints/export.csv?bom=true&q=" + word, admin);
    assertThat(bom.body()).startsWith("\uFEFFreference,");

    Api.Response bad = api.get("/api/v1/complaints/export.csv?status=bogus&hostel=nowhere", admin);
    Api.Response listBad = api.get("/api/v1/complaints?status=bogus&hostel=nowhere", admin);
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("errors")).isEqualTo(listBad.json().get("errors"));
    assertThat(api.get("/api/v1/complaints/export.csv?format=xls", admin).status()).isEqualTo(422);
    assertThat(api.get("/api/v1/complaints/export.csv", TestSetup.SERVICE_TOKEN).status())
        .isEqualTo(403);

    HttpResponse<byte[]> zip =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            api.base() + "/api/v1/complaints/export.csv?format=zip&q=" + word))
                    .header("Authorization", "Bearer " + admin)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zip.statusCode()).isEqualTo(200);
    Map<String, String> entries = new java.util.LinkedHashMap<>();
    try (var in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries).containsOnlyKeys("complaints.csv", "history.csv");
    List<CSVRecord> history = records(entries.get("history.csv"));
    assertThat(history).extracting(r -> r.get("action")).contains("created", "assignment");
    assertThat(history.stream().filter(r -> r.get("action").equals("created"))).hasSize(6);
  }

  @Test
  void bulkActionsGoItemByItemThroughTheSameRules(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    Fixtures.Staff porter = fixtures.porter();
    String a = submit(fixtures, "Bulk item one").get("id").asString();
    String b = submit(fixtures, "Bulk item two").get("id").asString();
    String c = submit(fixtures, "Bulk item three").get("id").asString();
    fixtures.assign(c, fixtures.porter().id());
    String unknown = UUID.randomUUID().toString();

    Api.Response taken =
        api.post(
            "/api/v1/complaints/bulk",
            porter.token(),
            Map.of(
                "ids", List.of(a, b, c, a, "not-an-id", unknown),
                "action", "assign",
                "assigned_porter_id", porter.id().toString()));
    assertThat(taken.status()).isEqualTo(200);
    JsonNode results = taken.json().get("results");
    assertThat(results).hasSize(6);
    assertThat(results.get(0).get("ok").asBoolean()).isTrue();
    assertThat(results.get(0).get("status").asString()).isEqualTo("reported");
    assertThat(results.get(1).get("ok").asBoolean()).isTrue();
    for (int i : new int[] {2, 4, 5}) {
      assertThat(results.get(i).get("ok").asBoolean()).isFalse();
      assertThat(results.get(i).get("problem").get("status").asInt()).isEqualTo(404);
    }
    assertThat(results.get(2).toString()).doesNotContain("assigned");
    assertThat(results.get(3).get("problem").get("status").asInt()).isEqualTo(422);
    assertThat(
            api.get("/api/v1/complaints/" + a, admin).json().get("assigned_porter_id").asString())
        .isEqualTo(porter.id().toString());

    Api.Response moved =
        api.post(
            "/api/v1/complaints/bulk",
            admin,
            Map.of("ids", List.of(a, b), "action", "status", "status", "resolved"));
    // reported -> resolved is no move of the machine: refused per item, nothing changed
    assertThat(moved.json().get("results").get(0).get("problem").get("status").asInt())
        .isEqualTo(400);
    Api.Response started =
        api.post(
            "/api/v1/complaints/bulk",
            porter.token(),
            Map.of("ids", List.of(a, c), "action", "status", "status", "in_progress"));
    assertThat(started.json().get("results").get(0).get("status").asString())
        .isEqualTo("in_progress");
    assertThat(started.json().get("results").get(1).get("problem").get("status").asInt())
        .isEqualTo(404);

    Api.Response merged =
        api.post(
            "/api/v1/complaints/bulk",
            admin,
            Map.of("ids", List.of(b, a), "action", "duplicate_of", "into", a));
    assertThat(merged.json().get("results").get(0).get("status").asString()).isEqualTo("closed");
    assertThat(merged.json().get("results").get(1).get("problem").get("status").asInt())
        .isEqualTo(422);

    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      tooMany.add(UUID.randomUUID().toString());
    }
    assertThat(
            api.post(
                    "/api/v1/complaints/bulk",
                    admin,
                    Map.of("ids", tooMany, "action", "status", "status", "closed"))
                .status())
        .isEqualTo(422);
    // Priority through the single edit's rules: the assignee (a) may, a porter elsewhere (b, c)
    // not.
    Api.Response prioritised =
        api.post(
            "/api/v1/complaints/bulk",
            porter.token(),
            Map.of("ids", List.of(a, c), "action", "priority", "priority", "urgent"));
    assertThat(prioritised.json().get("results").get(0).get("ok").asBoolean()).isTrue();
    assertThat(api.get("/api/v1/complaints/" + a, admin).json().get("priority").asString())
        .isEqualTo("urgent");
    assertThat(prioritised.json().get("results").get(1).get("problem").get("status").asInt())
        .isEqualTo(404);
    assertThat(
            api.post(
                    "/api/v1/complaints/bulk",
                    admin,
                    Map.of("ids", List.of(a), "action", "priority", "priority", "asap"))
                .status())
        .isEqualTo(422);
    assertThat(
            api.post("/api/v1/complaints/bulk", admin, Map.of("ids", List.of(a), "action", "x"))
                .status())
        .isEqualTo(422);
  }

  @Test
  void aBurstOfReportsBecomesOneIncidentWithOneMessageEach(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    String before = submit(fixtures, "No water in the taps since morning").get("id").asString();
    String otherWing = "X" + wing.substring(1);
    Map<String, Object> elsewhere = Fixtures.complaint(Fixtures.reporter());
    elsewhere.putAll(
        Map.of(
            "hostel", "block-d",
            "room_number", room,
            "wing", otherWing,
            "category", "metalworks",
            "description", "No water in the other wing"));

    assertThat(
            api.post(
                    "/api/v1/incidents",
                    admin,
                    Map.of(
                        "title", "t", "category", "metalworks", "message", "m", "scope", List.of()))
                .status())
        .isEqualTo(422);
    Map<String, Object> declaration =
        Map.of(
            "title", "No water in Block D",
            "category", "metalworks",
            "message", "The main valve is being replaced.",
            "eta", "2026-12-02T16:00:00Z",
            "scope", List.of(Map.of("hostel", "Block D", "wings", List.of(wing.toLowerCase()))));
    assertThat(api.post("/api/v1/incidents", fixtures.porter().token(), declaration).status())
        .isEqualTo(403);
    Api.Response declared = api.post("/api/v1/incidents", admin, declaration);
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    String incident = declared.json().get("id").asString();
    assertThat(declared.json().get("notice").asString())
        .contains("No water in Block D", "2026-12-02 16:00 UTC");

    JsonNode linked =
        api.post("/api/v1/incidents/" + incident + "/link", admin, Map.of("matching", true)).json();
    assertThat(ids(linked.get("results"))).containsExactly(before);
    List<String> burst = new ArrayList<>(List.of(before));
    for (int i = 0; i < 5; i++) {
      JsonNode c = submit(fixtures, "Water is off in my room " + i);
      assertThat(c.get("incident_id").asString()).isEqualTo(incident);
      burst.add(c.get("id").asString());
    }
    JsonNode outside = fixtures.submit(elsewhere);
    assertThat(outside.get("incident_id").isNull()).isTrue();
    assertThat(
            ids(
                api.get("/api/v1/incidents?status=active&hostel=block-d", TestSetup.SERVICE_TOKEN)
                    .json()
                    .get("items")))
        .contains(incident);
    for (String id : burst) {
      assertThat(ReporterUpdateLog.to(updates, UUID.fromString(id)))
          .extracting(ReporterUpdate::kind)
          .containsExactly("incident");
    }

    Api.Response later =
        api.patch("/api/v1/incidents/" + incident, admin, Map.of("eta", "2026-12-02T18:00:00Z"));
    assertThat(later.status()).isEqualTo(200);
    api.patch(
        "/api/v1/incidents/" + incident,
        admin,
        Map.of("message", "The main valve is being replaced."));
    for (String id : burst) {
      List<ReporterUpdate> told = ReporterUpdateLog.to(updates, UUID.fromString(id));
      assertThat(told).hasSize(2);
      assertThat(told.get(1).text()).contains("18:00");
    }

    Api.Response resolved = api.post("/api/v1/incidents/" + incident + "/resolve", admin, Map.of());
    assertThat(resolved.status()).isEqualTo(200);
    for (String id : burst) {
      assertThat(api.get("/api/v1/complaints/" + id, admin).json().get("status").asString())
          .isEqualTo("resolved");
    }
    assertThat(
            api.get("/api/v1/complaints/" + outside.get("id").asString(), admin)
                .json()
                .get("status")
                .asString())
        .isEqualTo("reported");
    assertThat(api.patch("/api/v1/incidents/" + incident, admin, Map.of("title", "x")).status())
        .isEqualTo(409);

    String next =
        api.post(
                "/api/v1/incidents",
                admin,
                Map.of(
                    "title", "Gas smell",
                    "category", "other",
                    "message", "Engineers on site.",
                    "scope", List.of(Map.of("hostel", "block-d"))))
            .json()
            .get("id")
            .asString();
    Api.Response bulk =
        api.post(
            "/api/v1/complaints/bulk",
            admin,
            Map.of(
                "ids",
                List.of(outside.get("id").asString(), burst.get(0)),
                "action",
                "incident",
                "incident_id",
                next));
    assertThat(bulk.json().get("results").get(0).get("ok").asBoolean()).isTrue();
    // a resolved complaint cannot join an incident
    assertThat(bulk.json().get("results").get(1).get("problem").get("status").asInt())
        .isEqualTo(422);
  }

  @Test
  void theThirdFaultInARoomWithinThirtyDaysIsARepeat(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    room = "F" + room.substring(1); // only this test uses F rooms: no other test's complaints count
    JsonNode first = submit(fixtures, "Radiator valve broken");
    JsonNode second = submit(fixtures, "Radiator valve broken again");
    assertThat(first.get("repeat").asBoolean()).isFalse();
    assertThat(second.get("repeat").asBoolean()).isFalse();
    assertThat(second.get("repeat_of_count").isNull()).isTrue();
    JsonNode third = submit(fixtures, "Radiator valve broken a third time");
    assertThat(third.get("repeat").asBoolean()).isTrue();
    assertThat(third.get("repeat_of_count").asInt()).isEqualTo(3);
    assertThat(
            api.get("/api/v1/complaints/" + third.get("id").asString(), admin)
                .json()
                .get("repeat")
                .asBoolean())
        .isTrue();
    // another category in the same room starts its own count
    Map<String, Object> other = Fixtures.complaint(Fixtures.reporter());
    other.putAll(Map.of("hostel", "block-d", "room_number", room, "wing", wing));
    assertThat(fixtures.submit(other).get("repeat").asBoolean()).isFalse();
  }

  static List<CSVRecord> records(String csv) throws java.io.IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv))
        .getRecords();
  }
}
