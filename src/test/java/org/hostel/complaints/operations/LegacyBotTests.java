package org.hostel.complaints.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hostel.complaints.photo.TestImages;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The old system's Python bot ({@code src/bot/client.py} of telegram-complaint-system), unchanged,
 * against this API: its four calls sent byte for byte as it builds them (docs/MIGRATING.md).
 */
@EmbeddedContext
class LegacyBotTests {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** {@code submit_complaint_and_end}'s payload, with the {@code photo_urls: []} it carries. */
  static String submitPayload(String reporter, String photoUrls) {
    return """
        {"telegram_user_id": "%s", "hostel": "block-a", "wing": "A", "room_number": "A312", \
        "category": "plumbing", "description": "Sink in the bathroom is leaking from the pipe.", \
        "severity": "medium", "photo_urls": %s}"""
        .formatted(reporter, photoUrls);
  }

  @Test
  void theOldBotsSubmitPhotoStatusAndListCallsAllWork(Api api) throws Exception {
    String reporter = Fixtures.reporter();
    Api.Response submitted =
        api.call("POST", "/api/v1/complaints/submit")
            .token(TestSetup.SERVICE_TOKEN)
            .json(submitPayload(reporter, "[]"))
            .send();
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String id = submitted.json().get("id").asString();

    byte[] photo = TestImages.jpeg(640, 480);
    Api.Response presign =
        api.call("POST", "/api/v1/complaints/" + id + "/photos/presign")
            .token(TestSetup.SERVICE_TOKEN)
            .json(
                """
                {"filename": "photo_1.jpg", "content_type": "image/jpeg", "content_length": %d}"""
                    .formatted(photo.length))
            .send();
    assertThat(presign.status()).as(presign.toString()).isEqualTo(201);
    JsonNode link = presign.json();
    assertThat(link.get("method").asString()).isEqualTo("PUT");

    HttpResponse<String> put =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(link.get("url").asString()))
                .header("Content-Type", "image/jpeg")
                .header("x-amz-meta-managed-by", "complaint-backend")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    String confirm =
        """
        {"photo_id": "%s", "s3_key": "%s", "file_size": %d, "content_type": "image/jpeg"}"""
            .formatted(
                link.get("photo_id").asString(), link.get("s3_key").asString(), photo.length);
    Api.Response confirmed = confirm(api, id, confirm);
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);

    // Processed in the background; its link is shown once it is ready.
    Api.Response status =
        Eventually.poll(
            "the photo is processed",
            java.time.Duration.ofSeconds(30),
            () -> api.get("/api/v1/complaints/" + id, TestSetup.SERVICE_TOKEN),
            shown -> shown.json().get("photo_urls").size() == 1);
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().get("status").asString()).isEqualTo("reported");

    Api.Response mine =
        api.get(
            "/api/v1/complaints?telegram_user_id=" + reporter + "&page=1&page_size=20",
            TestSetup.SERVICE_TOKEN);
    assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
    assertThat(mine.json().get("items").get(0).get("id").asString()).isEqualTo(id);

    // A link this service gave out may come back in photo_urls; nothing is attached from it.
    String own = status.json().get("photo_urls").get(0).asString();
    Api.Response again =
        api.call("POST", "/api/v1/complaints/submit")
            .token(TestSetup.SERVICE_TOKEN)
            .json(submitPayload(reporter, "[\"" + own + "\"]"))
            .send();
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.json().get("photo_urls").size()).isZero();
  }

  @Test
  void photoUrlsThatAreNotThisServicesLinksAreRefused(Api api, Fixtures fixtures) {
    String reporter = Fixtures.reporter();
    for (String urls :
        java.util.List.of(
            "[\"https://bucket.s3.amazonaws.com/a.jpg\"]",
            "[\"/api/v1/photo-files/x/y/full.jpg?expires=1&signature=forged\"]",
            "[null]")) {
      Api.Response answer =
          api.call("POST", "/api/v1/complaints/submit")
              .token(TestSetup.SERVICE_TOKEN)
              .json(submitPayload(reporter, urls))
              .send();
      assertThat(answer.status()).as(urls + " " + answer).isEqualTo(422);
      assertThat(answer.body()).contains("photo_urls");
    }
    Api.Response listed =
        api.get("/api/v1/complaints?telegram_user_id=" + reporter, fixtures.adminToken());
    assertThat(listed.json().get("items").size()).isZero();
  }

  @Test
  void aConfirmWhoseLegacyFieldsDisagreeWithThePresignIsRefusedAndChangesNothing(
      Api api, Fixtures fixtures) {
    String id = fixtures.submit().get("id").asString();
    JsonNode link =
        api.post(
                "/api/v1/complaints/" + id + "/photos/presign",
                TestSetup.SERVICE_TOKEN,
                java.util.Map.of(
                    "filename", "a.jpg", "content_type", "image/jpeg", "content_length", 100))
            .json();
    String photoId = link.get("photo_id").asString();
    for (String wrong :
        java.util.List.of(
            "\"s3_key\": \"other/key/upload\"",
            "\"file_size\": 99",
            "\"content_type\": \"image/png\"",
            "\"unknown\": 1")) {
      Api.Response answer = confirm(api, id, "{\"photo_id\": \"" + photoId + "\", " + wrong + "}");
      assertThat(answer.status()).as(wrong + " " + answer).isEqualTo(422);
    }
    // Still pending: the refused confirms did not use up the presign.
    Api.Response nothingYet =
        confirm(api, id, "{\"photo_id\": \"" + photoId + "\", \"file_size\": 100}");
    assertThat(nothingYet.status()).as(nothingYet.toString()).isNotEqualTo(422);
    assertThat(nothingYet.body()).doesNotContain("file_size");
  }

  @Test
  void unknownFieldsStayRefusedOnSubmitAndPresign(Api api, Fixtures fixtures) {
    Api.Response submit =
        api.call("POST", "/api/v1/complaints/submit")
            .token(TestSetup.SERVICE_TOKEN)
            .json(submitPayload(Fixtures.reporter(), "[]").replace("{", "{\"photos\": [], "))
            .send();
    assertThat(submit.status()).isEqualTo(422);
    assertThat(submit.body()).contains("not a known field");
    String id = fixtures.submit().get("id").asString();
    Api.Response presign =
        api.call("POST", "/api/v1/complaints/" + id + "/photos/presign")
            .token(TestSetup.SERVICE_TOKEN)
            .json(
                "{\"filename\": \"a.jpg\", \"content_type\": \"image/jpeg\","
                    + " \"content_length\": 10, \"s3_key\": \"x\"}")
            .send();
    assertThat(presign.status()).isEqualTo(422);
    assertThat(presign.body()).contains("not a known field");
  }

  private static Api.Response confirm(Api api, String complaint, String body) {
    return api.call("POST", "/api/v1/complaints/" + complaint + "/photos/confirm")
        .token(TestSetup.SERVICE_TOKEN)
        .json(body)
        .send();
  }
}
