package org.hostel.complaints.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token checks answer from memory on the embedded default: a change made through the service is
 * seen by the very next request, and one made behind its back within the cache's lifetime.
 */
@EmbeddedContext
class AccountCacheTests {

  @Autowired JdbcClient jdbc;
  @Autowired AccountStates states;
  @Autowired AccountChanges changes;

  @Test
  void theEmbeddedDefaultForgetsInThisProcess() {
    assertThat(changes.kind()).isEqualTo("in-process");
  }

  @Test
  void aLogoutIsRefusedByTheVeryNextRequest(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(200);

    assertThat(api.call("POST", "/auth/logout").token(porter.token()).send().status())
        .isEqualTo(204);

    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(401);
  }

  @Test
  void aSignOutOfOtherSessionsIsRefusedByTheVeryNextRequest(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    String other = api.login(porter.email(), porter.password());
    assertThat(api.get("/api/v1/profile/me", other).status()).isEqualTo(200);

    assertThat(
            api.call("POST", "/api/v1/profile/sessions/sign-out-others")
                .token(porter.token())
                .send()
                .status())
        .isEqualTo(200);

    assertThat(api.get("/api/v1/profile/me", other).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(200);
  }

  @Test
  void aChangeMadeBehindTheServicesBackCountsWithinTheCacheLifetime(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    assertThat(api.get("/api/v1/profile/me", porter.token()).status()).isEqualTo(200);

    jdbc.sql("UPDATE staff SET active = :off WHERE id = :id")
        .param("off", false)
        .param("id", porter.id().toString())
        .update();

    Eventually.await(
        "the token is refused once its cached state expired",
        states.ttl().plus(Duration.ofSeconds(1)),
        () -> api.get("/api/v1/profile/me", porter.token()).status() == 401);
  }
}
