package org.hostel.complaints.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one PostgreSQL database, each remembering token checks in memory: whatever ends
 * a session on one is refused by the other within the stated bound, although the other had just
 * accepted the token and its cache would keep it for a minute. Subclasses choose how the change
 * travels (Redis, or PostgreSQL {@code LISTEN/NOTIFY}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RevocationAcrossInstances {

  /** The documented bound for a change to reach every connected instance (docs/ACCOUNTS.md). */
  static final Duration BOUND = Duration.ofSeconds(1);

  final PostgresDatabase database = PostgresDatabase.create();
  ConfigurableApplicationContext a;
  ConfigurableApplicationContext b;
  Api first;
  Api second;
  Fixtures fixtures;

  /** Settings that pick how account changes travel between the two instances. */
  abstract List<String> transport();

  /** The transport both instances should report. */
  abstract String expectedKind();

  @BeforeAll
  void start() {
    List<String> args = new ArrayList<>(transport());
    // Only a message can make the other instance forget within the bound, not the expiry.
    args.add("--complaints.auth.account-cache-ttl=60s");
    a = TestSetup.instanceOn(database, args);
    b = TestSetup.instanceOn(database, args);
    first = api(a);
    second = api(b);
    fixtures = new Fixtures(first);
  }

  @AfterAll
  void stop() {
    a.close();
    b.close();
    database.drop();
  }

  @Test
  void bothInstancesUseTheConfiguredTransport() {
    assertThat(a.getBean(AccountChanges.class).kind()).isEqualTo(expectedKind());
    assertThat(b.getBean(AccountChanges.class).kind()).isEqualTo(expectedKind());
  }

  @Test
  void aLogoutOnOneInstanceIsRefusedByTheOther() {
    refusedElsewhereAfter(
        porter ->
            assertThat(first.call("POST", "/auth/logout").token(porter.token()).send().status())
                .isEqualTo(204));
  }

  @Test
  void deactivatingAnAccountOnOneInstanceIsRefusedByTheOther() {
    refusedElsewhereAfter(
        porter ->
            assertThat(
                    first
                        .patch(
                            "/api/v1/staff/" + porter.id(),
                            fixtures.adminToken(),
                            Map.of("active", false))
                        .status())
                .isEqualTo(200));
  }

  @Test
  void aPasswordResetByAnAdminOnOneInstanceIsRefusedByTheOther() {
    refusedElsewhereAfter(
        porter ->
            assertThat(
                    first
                        .post(
                            "/api/v1/staff/" + porter.id() + "/reset-password",
                            fixtures.adminToken(),
                            Map.of("new_password", "Another-Passw0rd-9"))
                        .status())
                .isEqualTo(200));
  }

  @Test
  void aPasswordChangeOnOneInstanceIsRefusedByTheOther() {
    refusedElsewhereAfter(
        porter -> {
          // The change cuts off tokens of earlier seconds; the porter's is from this one.
          Eventually.sleep(Duration.ofMillis(1100));
          assertThat(
                  first
                      .post(
                          "/api/v1/profile/change-password",
                          porter.token(),
                          Map.of(
                              "current_password",
                              porter.password(),
                              "new_password",
                              "Another-Passw0rd-9"))
                      .status())
              .isEqualTo(200);
        });
  }

  @Test
  void endingASessionFromAnotherSessionIsRefusedByTheOtherInstance() {
    Fixtures.Staff porter = fixtures.porter();
    String other = first.login(porter.email(), porter.password());
    String sessionId =
        second
            .get("/api/v1/profile/sessions", other)
            .json()
            .valueStream()
            .filter(s -> !s.get("current").asBoolean())
            .findFirst()
            .orElseThrow()
            .get("id")
            .asString();
    assertThat(second.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(200);

    assertThat(first.delete("/api/v1/profile/sessions/" + sessionId, other).status())
        .isEqualTo(204);

    awaitRefused(second, porter.token());
    assertThat(second.get("/api/v1/profile/me", other).status()).isEqualTo(200);
  }

  /** The porter's token works on the second instance, {@code change} happens on the first. */
  private void refusedElsewhereAfter(Consumer<Fixtures.Staff> change) {
    Fixtures.Staff porter = fixtures.porter();
    assertThat(second.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(200);
    assertThat(first.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(200);

    change.accept(porter);

    awaitRefused(second, porter.token());
    assertThat(first.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(401);
  }

  private static void awaitRefused(Api api, String token) {
    Eventually.await(
        "the other instance refuses the token",
        BOUND,
        () -> api.get("/api/v1/profile/me", token).status() == 401);
  }

  private static Api api(ConfigurableApplicationContext context) {
    return Api.onPort(((WebServerApplicationContext) context).getWebServer().getPort());
  }
}
