package org.hostel.complaints.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Admins set SLA targets; absurd ones are refused and change nothing. */
@EmbeddedContext
class SlaPolicyTests {

  static Map<String, Object> line(Object category, Object priority, Object response, Object res) {
    Map<String, Object> body = new HashMap<>();
    body.put("category", category);
    body.put("priority", priority);
    body.put("response_minutes", response);
    body.put("resolution_minutes", res);
    return body;
  }

  @Test
  void theDefaultsAreListedAndAnAdminsTargetAppliesToNewComplaints(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    JsonNode policies = api.get("/api/v1/sla/policies", admin).json();
    assertThat(policies.get("business_hours").asString()).isEqualTo("MON-FRI 08:00-17:00");
    assertThat(policies.get("policies").toString())
        .contains(
            "{\"category\":\"*\",\"priority\":\"urgent\",\"response_minutes\":60,"
                + "\"resolution_minutes\":480,\"custom\":false}");

    Api.Response set =
        api.call("PUT", "/api/v1/sla/policies")
            .token(admin)
            .json(line("pest", "high", 30, 600))
            .send();
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    Map<String, Object> body = new HashMap<>(Fixtures.complaint(Fixtures.reporter()));
    body.put("category", "pest");
    body.put("severity", "high");
    JsonNode pest = fixtures.submit(body);
    JsonNode plumbing = fixtures.submit();
    assertThat(Instant.parse(pest.get("response_due_at").asString()))
        .isBefore(Instant.parse(plumbing.get("response_due_at").asString()));
  }

  @Test
  void negativeAbsurdOrInconsistentTargetsAreRefused(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    String before = api.get("/api/v1/sla/policies", admin).body();
    long year = Duration.ofDays(367).toMinutes();
    for (Map<String, Object> bad :
        new Map[] {
          line("plumbing", "low", -5, 60),
          line("plumbing", "low", 0, 60),
          line("plumbing", "low", 60, year),
          line("plumbing", "low", 120, 60),
          line("plumbing", null, 60, 120),
          line("kitchen", "low", 60, 120),
          line(null, "low", 60, 120),
          line("plumbing", "low", null, 120)
        }) {
      Api.Response refused = api.call("PUT", "/api/v1/sla/policies").token(admin).json(bad).send();
      assertThat(refused.status()).as(bad + " → " + refused).isEqualTo(422);
    }
    assertThat(api.get("/api/v1/sla/policies", admin).body()).isEqualTo(before);
  }
}
