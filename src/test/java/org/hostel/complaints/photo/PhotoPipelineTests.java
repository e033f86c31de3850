package org.hostel.complaints.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.Multipart;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Background processing across instances and restarts, on one PostgreSQL database and one photo
 * folder: photos accepted by an instance that stops are processed by the next, a claim left by a
 * crashed instance lapses, and of two working instances only one processes each photo. An instance
 * that processes nothing ({@code processing-enabled=false}) takes uploads and watches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhotoPipelineTests {

  final PostgresDatabase database = PostgresDatabase.create();
  final String dataDir = TestSetup.tempDataDir();
  ConfigurableApplicationContext watcher;
  Api api;
  JdbcClient jdbc;

  @BeforeAll
  void start() {
    watcher = instance("--complaints.photos.processing-enabled=false");
    api = api(watcher);
    jdbc = watcher.getBean(JdbcClient.class);
  }

  @AfterAll
  void stop() {
    watcher.close();
    database.drop();
  }

  @Test
  void photosWaitingAtAStopAreProcessedAtTheNextStartAndAStaleClaimLapses() {
    String complaint = new Fixtures(api).submit().get("id").asString();
    List<String> photos = upload(api, complaint, 3);
    assertThat(states(complaint)).containsOnly("processing");
    // As if an instance had claimed the first one and crashed a moment ago.
    jdbc.sql("UPDATE photos SET claimed_until = :until, attempts = 1 WHERE id = :id")
        .param("until", Instant.now().plusSeconds(3).toEpochMilli())
        .param("id", photos.getFirst())
        .update();

    ConfigurableApplicationContext next = instance();
    try {
      awaitReady(complaint, photos.size());
      assertThat(attempts(photos.getFirst()))
          .as("claimed again once its claim lapsed")
          .isEqualTo(2);
      assertThat(attempts(photos.get(1))).isEqualTo(1);
    } finally {
      next.close();
    }
  }

  @Test
  void anInstanceStoppedWhileProcessingGivesBackWhatItHeldAndNothingIsLost() {
    String complaint = new Fixtures(api).submit().get("id").asString();
    ConfigurableApplicationContext busy = instance();
    List<String> photos;
    try {
      photos = upload(api(busy), complaint, 6);
    } finally {
      busy.close();
    }
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM photos
                    WHERE complaint_id = :id AND state = 'processing' AND claimed_until IS NOT NULL
                    """)
                .param("id", complaint)
                .query(Long.class)
                .single())
        .as("claims held at the stop")
        .isZero();

    ConfigurableApplicationContext next = instance();
    try {
      awaitReady(complaint, photos.size());
    } finally {
      next.close();
    }
  }

  @Test
  void ofTwoWorkingInstancesOnlyOneProcessesEachPhoto() {
    String complaint = new Fixtures(api).submit().get("id").asString();
    ConfigurableApplicationContext a = instance();
    ConfigurableApplicationContext b = instance();
    try {
      List<String> photos = new ArrayList<>(upload(api(a), complaint, 4));
      photos.addAll(upload(api(b), complaint, 4));
      awaitReady(complaint, photos.size());
      for (String photo : photos) {
        assertThat(attempts(photo)).as("claims of " + photo).isEqualTo(1);
      }
    } finally {
      a.close();
      b.close();
    }
  }

  private ConfigurableApplicationContext instance(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--complaints.photos.max-per-complaint=20");
    return TestSetup.instanceOn(database, dataDir, all);
  }

  private static Api api(ConfigurableApplicationContext instance) {
    return Api.onPort(((WebServerApplicationContext) instance).getWebServer().getPort());
  }

  private static List<String> upload(Api api, String complaint, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Multipart body =
          Multipart.file("p" + i + ".jpg", "image/jpeg", TestImages.jpeg(1600 + i, 1200));
      Api.Response answer =
          api.call("POST", "/api/v1/complaints/" + complaint + "/photos")
              .token(TestSetup.SERVICE_TOKEN)
              .bytes(body.contentType(), body.bytes())
              .send();
      assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
      ids.add(answer.json().get("id").asString());
    }
    return ids;
  }

  private void awaitReady(String complaint, int count) {
    Eventually.await(
        count + " photos ready",
        Duration.ofSeconds(60),
        () -> {
          List<String> states = states(complaint);
          return states.size() == count && states.stream().allMatch("ready"::equals);
        });
  }

  private List<String> states(String complaint) {
    List<String> states = new ArrayList<>();
    api.get("/api/v1/complaints/" + complaint + "/photos", TestSetup.SERVICE_TOKEN)
        .json()
        .forEach(photo -> states.add(photo.get("state").asString()));
    return states;
  }

  private int attempts(String photo) {
    return jdbc.sql("SELECT attempts FROM photos WHERE id = :id")
        .param("id", photo)
        .query(Integer.class)
        .single();
  }
}
