package org.hostel.complaints.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Own sessions (see, end one, end all others) and own name and phone. */
@EmbeddedContext
class OwnAccountTests {

  @Test
  void aMemberSeesTheirSessionsAndEndsOne(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    Api.Response phone =
        api.call("POST", "/auth/login-json")
            .header("User-Agent", "PhoneBrowser/1.0")
            .json(Map.of("username", porter.email(), "password", porter.password()))
            .send();
    String other = phone.json().get("access_token").asString();

    List<JsonNode> sessions = sessions(api, porter.token());
    assertThat(sessions).hasSize(2);
    assertThat(sessions).filteredOn(s -> s.get("current").asBoolean()).hasSize(1);
    JsonNode onPhone =
        sessions.stream()
            .filter(s -> "PhoneBrowser/1.0".equals(s.get("user_agent").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(onPhone.get("current").asBoolean()).isFalse();
    assertThat(onPhone.get("address").asString()).isEqualTo("127.0.0.1");
    assertThat(onPhone.get("last_used_at").asString()).isNotBlank();

    String id = onPhone.get("id").asString();
    Fixtures.Staff stranger = fixtures.porter();
    assertThat(api.delete("/api/v1/profile/sessions/" + id, stranger.token()).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/profile/me", other).status()).isEqualTo(200);
    assertThat(api.delete("/api/v1/profile/sessions/" + id, porter.token()).status())
        .isEqualTo(204);
    assertThat(api.get("/api/v1/profile/me", other).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(200);
    assertThat(api.delete("/api/v1/profile/sessions/" + id, porter.token()).status())
        .isEqualTo(404);
    assertThat(api.delete("/api/v1/profile/sessions/" + "x".repeat(300), porter.token()).status())
        .isEqualTo(404);
    assertThat(sessions(api, porter.token())).hasSize(1);
    assertThat(AuditTests.rows(api, fixtures, "action=session.revoked&actor=" + porter.id()))
        .isNotEmpty();
  }

  @Test
  void signingOutEveryOtherSessionKeepsOnlyThisOne(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    String second = api.login(porter.email(), porter.password());
    String third = api.login(porter.email(), porter.password());
    Api.Response out =
        api.call("POST", "/api/v1/profile/sessions/sign-out-others").token(third).send();
    assertThat(out.status()).as(out.toString()).isEqualTo(200);
    assertThat(out.json().get("signed_out").asInt()).isEqualTo(2);
    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/profile/me", second).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/profile/me", third).status()).isEqualTo(200);
  }

  @Test
  void aMemberChangesTheirNameAndPhone(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    String number = "+234" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    Api.Response changed =
        api.patch(
            "/api/v1/profile/me",
            porter.token(),
            Map.of("full_name", "Renamed Porter", "phone", number));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    JsonNode me = api.get("/api/v1/profile/me", porter.token()).json();
    assertThat(me.get("full_name").asString()).isEqualTo("Renamed Porter");
    assertThat(me.get("phone").asString()).isEqualTo(number);

    Fixtures.Staff other = fixtures.porter();
    assertThat(api.patch("/api/v1/profile/me", other.token(), Map.of("phone", number)).status())
        .isEqualTo(409);
    assertThat(api.patch("/api/v1/profile/me", other.token(), Map.of("phone", "12ab")).status())
        .isEqualTo(422);
    assertThat(
            api.patch("/api/v1/profile/me", other.token(), Map.of("full_name", "x".repeat(500)))
                .status())
        .isEqualTo(422);
    assertThat(
            api.patch("/api/v1/profile/me", other.token(), Map.of("full_name", "bad\u0007name"))
                .status())
        .isEqualTo(422);
    assertThat(api.get("/api/v1/profile/me", other.token()).json().get("full_name").asString())
        .isEqualTo("Test porter");
    assertThat(
            api.patch("/api/v1/profile/me", TestSetup.SERVICE_TOKEN, Map.of("full_name", "Bot"))
                .status())
        .isEqualTo(403);
  }

  static List<JsonNode> sessions(Api api, String token) {
    Api.Response response = api.get("/api/v1/profile/sessions", token);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().valueStream().toList();
  }
}
