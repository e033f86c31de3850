package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Replaying a submission answers only within what the caller may see now. */
@EmbeddedContext
class IdempotentReplayTests {

  @LocalServerPort int port;

  @Test
  void aReplayOfAComplaintThePorterCanNoLongerSeeRevealsNothing() {
    Api api = Api.onPort(port);
    Fixtures fixtures = new Fixtures(api);
    Fixtures.Staff porter = fixtures.porter();
    Fixtures.Staff colleague = fixtures.porter();
    String key = "replay-" + UUID.randomUUID();
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    Api.Response first =
        api.call("POST", "/api/v1/complaints/submit")
            .token(porter.token())
            .header("Idempotency-Key", key)
            .json(body)
            .send();
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    String id = first.json().get("id").asString();
    Api.Response again =
        api.call("POST", "/api/v1/complaints/submit")
            .token(porter.token())
            .header("Idempotency-Key", key)
            .json(body)
            .send();
    assertThat(again.status()).as("a replay while visible").isEqualTo(201);
    assertThat(again.json().get("id").asString()).isEqualTo(id);

    fixtures.assign(id, colleague.id());
    assertThat(api.get("/api/v1/complaints/" + id, porter.token()).status()).isEqualTo(404);
    Api.Response replay =
        api.call("POST", "/api/v1/complaints/submit")
            .token(porter.token())
            .header("Idempotency-Key", key)
            .json(body)
            .send();

    assertThat(replay.status()).as(replay.toString()).isIn(404, 409);
    assertThat(replay.header("Content-Type").orElseThrow()).contains("application/problem+json");
    assertThat(replay.body())
        .doesNotContain(colleague.id().toString())
        .doesNotContain("in_progress")
        .doesNotContain("photo_urls")
        .doesNotContain(body.get("description").toString());
    assertThat(replay.header("ETag")).isEmpty();
  }
}
