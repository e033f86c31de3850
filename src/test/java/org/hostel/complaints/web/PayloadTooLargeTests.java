package org.hostel.complaints.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.Multipart;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every body that is too large gets the same problem, whose detail names the limit it passed: the
 * JSON body limit for JSON, the photo limit for photos. Both limits are set to unusual values here,
 * so a detail that names a default (or no real limit at all) fails.
 */
@EmbeddedContext
class PayloadTooLargeTests {

  static final long BODY_LIMIT = 3 * 1024;
  static final long PHOTO_LIMIT = 100 * 1024;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("complaints.max-body-size", () -> "3KB");
    registry.add("complaints.photos.max-file-size", () -> "100KB");
  }

  Api api;
  Fixtures fixtures;

  @BeforeEach
  void connect(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
  }

  @Test
  void aJsonBodyOverTheLimitNamesTheConfiguredLimit() {
    Api.Response answer =
        api.call("POST", "/api/v1/complaints/submit")
            .token(TestSetup.SERVICE_TOKEN)
            .json(oversizedComplaint())
            .send();

    assertOverLimit(answer.status(), answer.json(), BODY_LIMIT);
  }

  @Test
  void aJsonBodyWithoutADeclaredLengthIsCountedAndNamesTheSameLimit() throws Exception {
    // Chunked: no Content-Length to refuse up front, so the limit trips while the body is read.
    byte[] body =
        Api.JSON.writeValueAsString(oversizedComplaint()).getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/complaints/submit"))
            .header("Authorization", "Bearer " + TestSetup.SERVICE_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> answer =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertOverLimit(answer.statusCode(), Api.JSON.readTree(answer.body()), BODY_LIMIT);
  }

  @Test
  void anUploadOverThePhotoLimitNamesThePhotoLimit() {
    String complaint = fixtures.submit().get("id").asString();
    byte[] photo = new byte[(int) PHOTO_LIMIT + 1];
    photo[0] = (byte) 0xFF;
    photo[1] = (byte) 0xD8;
    photo[2] = (byte) 0xFF;
    Multipart form = Multipart.file("big.jpg", "image/jpeg", photo);

    Api.Response answer =
        api.call("POST", "/api/v1/complaints/" + complaint + "/photos")
            .token(TestSetup.SERVICE_TOKEN)
            .bytes(form.contentType(), form.bytes())
            .send();

    assertOverLimit(answer.status(), answer.json(), PHOTO_LIMIT);
  }

  @Test
  void aPresignedUploadDeclaredOverThePhotoLimitNamesThePhotoLimit() {
    String complaint = fixtures.submit().get("id").asString();

    Api.Response answer =
        api.post(
            "/api/v1/complaints/" + complaint + "/photos/presign",
            TestSetup.SERVICE_TOKEN,
            Map.of(
                "filename",
                "big.jpg",
                "content_type",
                "image/jpeg",
                "content_length",
                PHOTO_LIMIT + 1));

    assertOverLimit(answer.status(), answer.json(), PHOTO_LIMIT);
  }

  private static Map<String, Object> oversizedComplaint() {
    Map<String, Object> complaint = Fixtures.complaint(Fixtures.reporter());
    complaint.put("description", "y".repeat((int) BODY_LIMIT));
    return complaint;
  }

  private static void assertOverLimit(int status, JsonNode problem, long limit) {
    assertThat(status).as(problem.toString()).isEqualTo(413);
    assertThat(problem.get("type").asString()).isEqualTo("/problems/payload-too-large");
    assertThat(problem.get("title").asString()).isEqualTo("Payload too large");
    assertThat(problem.get("status").asInt()).isEqualTo(413);
    assertThat(problem.get("detail").asString()).contains("at most " + limit + " bytes");
  }
}
