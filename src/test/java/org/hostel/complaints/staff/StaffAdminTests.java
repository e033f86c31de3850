package org.hostel.complaints.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@EmbeddedContext
class StaffAdminTests {

  Api api;
  Fixtures fixtures;
  String admin;

  @BeforeEach
  void setUp(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
    admin = fixtures.adminToken();
  }

  JsonNode entry(UUID id) {
    for (JsonNode node : api.get("/api/v1/staff", admin).json()) {
      if (node.get("id").asString().equals(id.toString())) {
        return node;
      }
    }
    throw new AssertionError("no staff member " + id);
  }

  /**
   * Whether a fresh login gives a working token. Tokens carry whole seconds, so one issued in the
   * second of a cut-off is refused; the next second's works.
   */
  boolean loginWorks(String email, String password) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> api.get("/api/v1/profile/me", api.login(email, password)).status() == 200);
    return true;
  }

  @Test
  void adminsListEveryAccountWithItsContactsAndState() {
    Fixtures.Staff porter = fixtures.porter();
    api.patch("/api/v1/staff/" + porter.id(), admin, Map.of("active", false));

    JsonNode listed = entry(porter.id());

    assertThat(listed.get("email").asString()).isEqualTo(porter.email());
    assertThat(listed.get("role").asString()).isEqualTo("porter");
    assertThat(listed.get("active").asBoolean()).isFalse();
    assertThat(listed.has("password_hash")).isFalse();
  }

  @Test
  void deactivatingAnAccountStopsItsTokensAndLoginsAtOnce() {
    Fixtures.Staff porter = fixtures.porter();
    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(200);

    Api.Response off = api.patch("/api/v1/staff/" + porter.id(), admin, Map.of("active", false));

    assertThat(off.status()).isEqualTo(200);
    assertThat(off.json().get("active").asBoolean()).isFalse();
    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(401);
    assertThat(
            api.post(
                    "/auth/login-json",
                    null,
                    Map.of("username", porter.email(), "password", porter.password()))
                .status())
        .isEqualTo(401);
  }

  @Test
  void reactivatingLetsTheAccountLogInAgainButDoesNotReviveOldTokens() {
    Fixtures.Staff porter = fixtures.porter();
    api.patch("/api/v1/staff/" + porter.id(), admin, Map.of("active", false));

    Api.Response on = api.patch("/api/v1/staff/" + porter.id(), admin, Map.of("active", true));

    assertThat(on.status()).isEqualTo(200);
    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(401);
    assertThat(loginWorks(porter.email(), porter.password())).isTrue();
  }

  @Test
  void anAdminCannotDeactivateThemselves() {
    Fixtures.Staff other = fixtures.admin();

    Api.Response self =
        api.patch("/api/v1/staff/" + other.id(), other.token(), Map.of("active", false));

    assertThat(self.status()).isEqualTo(422);
    assertThat(self.json().get("errors").get(0).get("field").asString()).isEqualTo("active");
    assertThat(entry(other.id()).get("active").asBoolean()).isTrue();
  }

  @Test
  void resettingAPasswordSignsTheAccountOutAndTheNewPasswordWorks() {
    Fixtures.Staff porter = fixtures.porter();

    Api.Response reset =
        api.post(
            "/api/v1/staff/" + porter.id() + "/reset-password",
            admin,
            Map.of("new_password", "Brand-New-Passw0rd"));

    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.json().get("message").asString()).isNotBlank();
    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(401);
    assertThat(loginWorks(porter.email(), "Brand-New-Passw0rd")).isTrue();
  }

  @Test
  void aWeakNewPasswordIsRefusedAndTheOldOneKeepsWorking() {
    Fixtures.Staff porter = fixtures.porter();

    Api.Response weak =
        api.post(
            "/api/v1/staff/" + porter.id() + "/reset-password",
            admin,
            Map.of("new_password", "short"));

    assertThat(weak.status()).isEqualTo(422);
    assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("new_password");
    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(200);
  }

  @Test
  void porterCannotListOrChangeAccounts() {
    Fixtures.Staff porter = fixtures.porter();
    Fixtures.Staff colleague = fixtures.porter();

    assertThat(api.get("/api/v1/staff", porter.token()).status()).isEqualTo(403);
    assertThat(
            api.patch("/api/v1/staff/" + colleague.id(), porter.token(), Map.of("active", false))
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/api/v1/staff/" + colleague.id() + "/reset-password",
                    porter.token(),
                    Map.of("new_password", "Brand-New-Passw0rd"))
                .status())
        .isEqualTo(403);
    assertThat(entry(colleague.id()).get("active").asBoolean()).isTrue();
    assertThat(api.get("/api/v1/staff", TestSetup.SERVICE_TOKEN).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/staff", null).status()).isEqualTo(401);
  }

  @Test
  void unknownAndMalformedIdsAre404() {
    assertThat(
            api.patch("/api/v1/staff/" + UUID.randomUUID(), admin, Map.of("active", false))
                .status())
        .isEqualTo(404);
    assertThat(api.patch("/api/v1/staff/not-a-uuid", admin, Map.of("active", false)).status())
        .isEqualTo(404);
    assertThat(
            api.post(
                    "/api/v1/staff/" + UUID.randomUUID() + "/reset-password",
                    admin,
                    Map.of("new_password", "Brand-New-Passw0rd"))
                .status())
        .isEqualTo(404);
  }

  @Test
  void badBodiesAreProblemDocumentsAndChangeNothing() {
    Fixtures.Staff porter = fixtures.porter();
    String path = "/api/v1/staff/" + porter.id();

    Api.Response missing = api.patch(path, admin, Map.of());
    Api.Response wrongType = api.patch(path, admin, Map.of("active", "sometimes"));
    Api.Response unknown = api.patch(path, admin, Map.of("active", false, "role", "admin"));
    Api.Response broken = api.call("PATCH", path).token(admin).raw("application/json", "{").send();

    assertThat(missing.status()).isEqualTo(422);
    assertThat(wrongType.status()).isEqualTo(422);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(broken.status()).isEqualTo(400);
    for (Api.Response r : java.util.List.of(missing, wrongType, unknown, broken)) {
      assertThat(r.header("Content-Type").orElseThrow()).contains("application/problem+json");
      assertThat(r.json().get("detail").isString()).isTrue();
    }
    assertThat(entry(porter.id()).get("active").asBoolean()).isTrue();
    assertThat(entry(porter.id()).get("role").asString()).isEqualTo("porter");
  }

  @Test
  void aDeactivatedAccountWithoutHistoryCanBeRemovedAndOneWithHistoryStays() {
    Fixtures.Staff unused = fixtures.porter();
    Fixtures.Staff worked = fixtures.porter();
    fixtures.assign(fixtures.submit().get("id").asString(), worked.id());

    assertThat(api.delete("/api/v1/staff/" + unused.id(), admin).status())
        .as("an active account is deactivated first")
        .isEqualTo(409);
    api.patch("/api/v1/staff/" + unused.id(), admin, Map.of("active", false));
    api.patch("/api/v1/staff/" + worked.id(), admin, Map.of("active", false));

    assertThat(api.delete("/api/v1/staff/" + unused.id(), unused.token()).status()).isEqualTo(401);
    assertThat(api.delete("/api/v1/staff/" + unused.id(), admin).status()).isEqualTo(204);
    Api.Response kept = api.delete("/api/v1/staff/" + worked.id(), admin);

    assertThat(kept.status()).isEqualTo(409);
    assertThat(kept.json().get("detail").asString()).contains("has history");
    assertThat(api.get("/api/v1/staff", admin).body())
        .doesNotContain(unused.id().toString())
        .contains(worked.id().toString());
    assertThat(api.delete("/api/v1/staff/" + unused.id(), admin).status()).isEqualTo(404);
  }

  @Test
  void aPorterCannotRemoveAccountsAndNoAdminRemovesThemself() {
    Fixtures.Staff porter = fixtures.porter();
    Fixtures.Staff other = fixtures.porter();
    api.patch("/api/v1/staff/" + other.id(), admin, Map.of("active", false));

    assertThat(api.delete("/api/v1/staff/" + other.id(), porter.token()).status()).isEqualTo(403);
    String self = api.get("/api/v1/profile/me", admin).json().get("id").asString();
    assertThat(api.delete("/api/v1/staff/" + self, admin).status()).isEqualTo(422);
  }
}
