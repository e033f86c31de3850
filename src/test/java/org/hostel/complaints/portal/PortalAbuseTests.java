package org.hostel.complaints.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Limits per room and per address, the proof of work over the soft limit, the poster-only switch,
 * staff names on the tracking page and the spam block, in a context of their own with small limits
 * (every request here comes from one address, so the steps run in order in one test).
 */
@DirtiesContext
@EmbeddedContext
class PortalAbuseTests {

  @DynamicPropertySource
  static void limits(DynamicPropertyRegistry registry) {
    registry.add("complaints.portal.address-limit", () -> "6/1h");
    registry.add("complaints.portal.room-limit", () -> "2/1h");
    registry.add("complaints.portal.soft-limit", () -> "2/1h");
    registry.add("complaints.portal.proof-bits", () -> "8");
    registry.add("complaints.portal.require-poster-code", () -> "true");
    registry.add("complaints.portal.staff-names", () -> "true");
  }

  @Autowired PortalKeys keys;

  @Test
  void limitsProofOfWorkPostersOnlyAndTheSpamBlockTakeTurns(Api api, Fixtures fixtures) {
    assertThat(api.get("/report", null).body()).contains("scan the QR code");
    assertThat(api.get("/report", null).body()).doesNotContain("<form");
    Api.Response free = api.post("/api/v1/public/complaints", null, report("B101", false));
    assertThat(free.status()).isEqualTo(422);
    assertThat(free.body()).contains("poster");

    String first = PortalForms.submit(api, report("B101", true));
    String second = PortalForms.submit(api, report("B101", true));
    fixtures.move(
        PortalTests.complaintId(api, fixtures, "/api/v1/public/track/" + second), "in_progress");
    JsonNode steps = api.get("/api/v1/public/track/" + second, null).json().get("history");
    assertThat(steps.get(0).get("by").isNull()).isTrue(); // reported by the resident
    String name =
        api.get("/api/v1/profile/me", fixtures.adminToken()).json().get("full_name").asString();
    assertThat(steps.get(1).get("by").asString()).isEqualTo(name);
    Api.Response room = api.post("/api/v1/public/complaints", null, report("B101", true));
    assertThat(room.status()).isEqualTo(429);
    assertThat(room.header("Retry-After")).isPresent();
    assertThat(room.json().get("detail").asString()).contains("room");

    Map<String, Object> next = report("B102", true);
    Api.Response proof = api.post("/api/v1/public/complaints", null, next);
    assertThat(proof.status()).isEqualTo(428);
    assertThat(proof.json().get("type").asString()).isEqualTo("/problems/proof-required");
    Api.Response noScript =
        api.call("POST", "/report")
            .raw("application/x-www-form-urlencoded", PortalForms.encoded(report("B103", true)))
            .send();
    assertThat(noScript.status()).isEqualTo(428);
    assertThat(noScript.body()).contains("prove work");

    next.put("proof", proof(String.valueOf(next.get("stamp")), 8));
    assertThat(api.post("/api/v1/public/complaints", null, next).status()).isEqualTo(201);

    Api.Response address = api.post("/api/v1/public/complaints", null, report("B104", true));
    assertThat(address.status()).isEqualTo(429);

    String id = PortalTests.complaintId(api, fixtures, "/api/v1/public/track/" + first);
    assertThat(
            api.post("/api/v1/complaints/" + id + "/spam", fixtures.adminToken(), Map.of())
                .status())
        .isEqualTo(204);
    assertThat(api.get("/api/v1/public/track/" + first, null).status()).isEqualTo(404);
    // Out of the staff's lists and exports; still there by id, for the record.
    String reference =
        api.get("/api/v1/complaints/" + id, fixtures.adminToken())
            .json()
            .get("reference")
            .asString();
    assertThat(
            api.get("/api/v1/complaints?q=" + reference + "&page_size=100", fixtures.adminToken())
                .json()
                .get("total")
                .asLong())
        .isZero();
    assertThat(
            api.get("/api/v1/complaints/export.csv?q=" + reference, fixtures.adminToken()).body())
        .doesNotContain(reference + ",");
    assertThat(api.get("/api/v1/complaints/" + id + "/reporter", fixtures.adminToken()).body())
        .contains("\"spam\":true")
        .contains("\"tracking_revoked\":true");
    Api.Response blocked = api.post("/api/v1/public/complaints", null, report("B105", true));
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.json().get("type").asString()).isEqualTo("/problems/source-blocked");
  }

  private Map<String, Object> report(String room, boolean poster) {
    Map<String, Object> body = PortalForms.report(keys, room);
    if (poster) {
      body.put("poster", keys.posterCode("block-a", room));
    }
    return body;
  }

  private static String proof(String stamp, int bits) {
    for (long n = 0; ; n++) {
      if (PortalKeys.proofHolds(stamp, Long.toString(n), bits)) {
        return Long.toString(n);
      }
    }
  }
}
