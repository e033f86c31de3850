package org.hostel.complaints.photo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.hostel.complaints.storage.StorageSettings;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.Multipart;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What every photo store must do, run against the local disk and a real S3-compatible server. The
 * contexts allow 3 photos per complaint and presigned links of 8 seconds.
 */
abstract class PhotoStoreContract {

  static final String PRESIGN_TTL = "8s";
  static final int MAX_PER_COMPLAINT = 3;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;
  @Autowired PhotoService service;
  @Autowired StorageSettings system;

  Api api;
  Fixtures fixtures;

  /** Every stored object key under {@code prefix}. */
  abstract List<String> storedKeys(String prefix);

  /** What the store answers to a presigned PUT with a Content-Type other than the signed one. */
  abstract int wrongTypeStatus();

  @BeforeEach
  void connect(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
  }

  @Test
  void aPhoneJpegRotatedByExifWithGpsComesOutUprightWithoutLocationInBothFiles() {
    String complaint = complaint();
    byte[] phone = TestImages.phoneJpeg(400, 300);
    assertThat(TestImages.hasGps(phone)).isTrue();
    assertThat(TestImages.orientation(phone)).isEqualTo(6);

    Api.Response created = upload(TestSetup.SERVICE_TOKEN, complaint, "IMG_0001.jpg", phone);

    JsonNode photo = processed(created);
    assertThat(photo.get("state").asString()).isEqualTo("ready");
    assertThat(photo.get("width").asInt()).isEqualTo(300);
    assertThat(photo.get("height").asInt()).isEqualTo(400);
    assertThat(photo.get("mime_type").asString()).isEqualTo("image/jpeg");
    for (String link : List.of("file_url", "thumbnail_url")) {
      HttpResponse<byte[]> stored = fetch(photo.get(link).asString());
      assertThat(stored.statusCode()).as(link).isEqualTo(200);
      byte[] bytes = stored.body();
      assertThat(TestImages.hasGps(bytes)).as(link + " has no GPS").isFalse();
      assertThat(TestImages.orientation(bytes)).as(link + " needs no rotation").isEqualTo(1);
      BufferedImage image = TestImages.decode(bytes);
      assertThat(image.getHeight()).as(link + " is portrait").isGreaterThan(image.getWidth());
      int w = image.getWidth();
      int h = image.getHeight();
      assertThat(dominant(image.getRGB(w / 3, h / 4))).as(link + " top").isEqualTo('r');
      assertThat(dominant(image.getRGB(w / 3, h * 3 / 4))).as(link + " bottom").isEqualTo('b');
      assertThat(dominant(image.getRGB(w - 2, h / 2))).as(link + " right edge").isEqualTo('g');
    }
  }

  @Test
  void aComplaintReadByIdShowsWhatTheListShowsForIt() {
    String reporter = Fixtures.reporter();
    String master = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    String duplicate = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    String admin = fixtures.adminToken();
    for (String complaint : List.of(master, master, duplicate)) {
      // Links appear once the background work made the image: wait for it.
      assertThat(
              processed(upload(admin, complaint, "leak.jpg", TestImages.jpeg(400, 300)))
                  .get("state")
                  .asString())
          .isEqualTo("ready");
    }
    assertThat(
            api.post("/api/v1/complaints/" + duplicate + "/merge", admin, Map.of("into", master))
                .status())
        .isEqualTo(200);

    JsonNode read = api.get("/api/v1/complaints/" + master, admin).json();
    JsonNode listed = null;
    for (JsonNode item :
        api.get("/api/v1/complaints?page_size=100&telegram_user_id=" + reporter, admin)
            .json()
            .get("items")) {
      if (item.get("id").asString().equals(master)) {
        listed = item;
      }
    }

    assertThat(listed).isNotNull();
    assertThat(read.get("duplicates")).hasSize(1);
    // Signed links may carry the time they were signed at (S3); what they point to must agree.
    assertThat(paths(read.get("photo_urls"))).hasSize(3).isEqualTo(paths(listed.get("photo_urls")));
    assertThat(withoutLinks(read)).isEqualTo(withoutLinks(listed));
  }

  private static JsonNode withoutLinks(JsonNode complaint) {
    tools.jackson.databind.node.ObjectNode copy =
        (tools.jackson.databind.node.ObjectNode) complaint.deepCopy();
    copy.remove("photo_urls");
    return copy;
  }

  private static List<String> paths(JsonNode urls) {
    return urls.valueStream().map(u -> u.asString().split("\\?")[0]).toList();
  }

  @Test
  void anUploadedPhotoIsListedLoadableAndShownOnItsComplaint() {
    JsonNode submitted = fixtures.submit();
    String complaint = submitted.get("id").asString();
    long versionBefore = etag(complaint);

    Api.Response created =
        upload(fixtures.adminToken(), complaint, "leak.jpg", TestImages.jpeg(3000, 1000));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode accepted = created.json();
    assertThat(accepted.get("state").asString()).isEqualTo("processing");
    assertThat(accepted.hasNonNull("file_url")).isFalse();
    assertThat(accepted.get("width").asInt()).as("the upload's own size").isEqualTo(3000);
    JsonNode photo = processed(created);
    assertThat(photo.get("state").asString()).isEqualTo("ready");
    String id = photo.get("id").asString();
    assertThat(photo.get("complaint_id").asString()).isEqualTo(complaint);
    assertThat(photo.get("file_name").asString()).isEqualTo("leak.jpg");
    assertThat(photo.get("width").asInt()).isEqualTo(2048);
    assertThat(photo.get("height").asInt()).isEqualTo(683);
    assertThat(photo.get("file_size").asLong()).isPositive();
    assertThat(photo.get("created_at").asString()).endsWith("Z");

    HttpResponse<byte[]> full = fetch(photo.get("file_url").asString());
    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(full.body()).hasSize(photo.get("file_size").asInt());
    assertThat(full.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("max-age"));
    assertThat(full.headers().firstValue("ETag")).isPresent();
    BufferedImage thumbnail =
        TestImages.decode(fetch(photo.get("thumbnail_url").asString()).body());
    assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(256);

    Api.Response listed = api.get(photos(complaint), TestSetup.SERVICE_TOKEN);
    assertThat(listed.json().size()).isEqualTo(1);
    assertThat(listed.json().get(0).get("id").asString()).isEqualTo(id);
    assertThat(api.get(photos(complaint) + "/" + id, fixtures.adminToken()).status())
        .isEqualTo(200);
    JsonNode shown = api.get("/api/v1/complaints/" + complaint, fixtures.adminToken()).json();
    assertThat(shown.get("photo_urls").size()).isEqualTo(1);
    assertThat(fetch(shown.get("photo_urls").get(0).asString()).statusCode()).isEqualTo(200);
    assertThat(etag(complaint)).isGreaterThan(versionBefore);
    JsonNode history =
        api.get("/api/v1/complaints/" + complaint + "/history", fixtures.adminToken()).json();
    assertThat(history.findValuesAsString("action")).contains("photo_added");
    assertThat(counter("photo.uploads.succeeded", "flow", "direct")).isPositive();
    assertThat(counter("photo.uploads.bytes", "flow", "direct")).isPositive();
  }

  @Test
  void aPresignedUploadIsCheckedAndProcessedOnConfirmLikeADirectOne() {
    String complaint = complaint();
    byte[] phone = TestImages.phoneJpeg(400, 300);
    JsonNode presign = presign(complaint, "IMG_0002.jpg", "image/jpeg", phone.length);
    assertThat(presign.get("method").asString()).isEqualTo("PUT");
    assertThat(presign.get("upload_id").asString()).isEqualTo(presign.get("photo_id").asString());
    assertThat(presign.get("expires_in").asLong()).isEqualTo(8);

    HttpResponse<byte[]> put = put(presign, "image/jpeg", phone);
    assertThat(put.statusCode()).as(new String(put.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    Api.Response confirmed = confirm(complaint, presign.get("photo_id").asString());

    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
    assertThat(confirmed.json().get("state").asString()).isEqualTo("processing");
    JsonNode photo = processed(confirmed);
    assertThat(photo.get("state").asString()).isEqualTo("ready");
    assertThat(photo.get("width").asInt()).isEqualTo(300);
    assertThat(photo.get("height").asInt()).isEqualTo(400);
    assertThat(photo.get("file_name").asString()).isEqualTo("IMG_0002.jpg");
    assertThat(TestImages.hasGps(fetch(photo.get("file_url").asString()).body())).isFalse();
    String folder = complaint + "/" + photo.get("id").asString() + "/";
    Eventually.await(
        "only the processed files are kept",
        () ->
            storedKeys(folder).size() == 2
                && storedKeys(folder)
                    .containsAll(List.of(folder + "full.jpg", folder + "thumb.jpg")));
    assertThat(api.get(photos(complaint), fixtures.adminToken()).json().size()).isEqualTo(1);
  }

  @Test
  void readinessIncludesThePhotoStore() {
    Api.Response health = api.get("/health", null);
    assertThat(health.json().get("checks").get("photo_storage").get("status").asString())
        .isEqualTo("up");
  }

  @Test
  void aTextFileNamedJpgIsUnsupported() {
    String complaint = complaint();
    Api.Response answer =
        upload(
            TestSetup.SERVICE_TOKEN,
            complaint,
            "photo.jpg",
            "just some text, not a picture\n".repeat(50).getBytes(StandardCharsets.UTF_8));
    assertRefused(answer, 415, complaint);
  }

  @Test
  void aTruncatedJpegPassesTheHeaderChecksThenFailsInTheBackground() {
    String complaint = complaint();
    byte[] whole = TestImages.detailedPhoneJpeg(640, 480, 0.9f, 1);
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length * 6 / 10);

    Api.Response created = upload(TestSetup.SERVICE_TOKEN, complaint, "cut.jpg", truncated);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode photo = processed(created);
    assertThat(photo.get("state").asString()).isEqualTo("failed");
    assertThat(photo.hasNonNull("file_url")).isFalse();
    Eventually.await("the original is removed", () -> storedKeys(complaint + "/").isEmpty());
    JsonNode shown = api.get("/api/v1/complaints/" + complaint, fixtures.adminToken()).json();
    assertThat(shown.get("photo_urls").size()).isZero();
    String path = photos(complaint) + "/" + photo.get("id").asString();
    assertThat(api.delete(path, fixtures.adminToken()).status()).isEqualTo(204);
    assertNothingLeft(complaint);
  }

  @Test
  void anEmptyFileIsRefused() {
    String complaint = complaint();
    assertRefused(
        upload(TestSetup.SERVICE_TOKEN, complaint, "empty.jpg", new byte[0]), 422, complaint);
  }

  @Test
  void aFileOverTenMegabytesIsTooLarge() {
    String complaint = complaint();
    // Just over: a body far over the limit is refused before it is read, and the connection is
    // closed under a client still sending it (see HostileInputTests for that case).
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    ThreadLocalRandom.current().nextBytes(big);
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    assertRefused(upload(TestSetup.SERVICE_TOKEN, complaint, "big.jpg", big), 413, complaint);
    Api.Response presign =
        api.post(
            photos(complaint) + "/presign",
            TestSetup.SERVICE_TOKEN,
            Map.of(
                "filename", "big.jpg", "content_type", "image/jpeg", "content_length", big.length));
    assertRefused(presign, 413, complaint);
  }

  @Test
  void aDecompressionBombIsRefusedBeforeDecoding() {
    String complaint = complaint();
    byte[] bomb = TestImages.pngBomb(50_000);
    assertThat(bomb.length).isLessThan(8 * 1024);
    Api.Response answer = upload(TestSetup.SERVICE_TOKEN, complaint, "bomb.png", bomb);
    assertRefused(answer, 422, complaint);
    assertThat(answer.json().get("detail").asString()).contains("50000 × 50000");
  }

  @Test
  void anSvgWithAScriptIsUnsupported() {
    String complaint = complaint();
    assertRefused(
        upload(
            TestSetup.SERVICE_TOKEN,
            complaint,
            "drawing.svg",
            "image/svg+xml",
            TestImages.svgWithScript()),
        415,
        complaint);
    Api.Response presign =
        api.post(
            photos(complaint) + "/presign",
            TestSetup.SERVICE_TOKEN,
            Map.of(
                "filename", "drawing.svg", "content_type", "image/svg+xml", "content_length", 300));
    assertRefused(presign, 415, complaint);
  }

  @Test
  void aFileNameWithFoldersIsRefusedAndNeverUsedAsAPath() {
    String complaint = complaint();
    Api.Response answer =
        upload(
            TestSetup.SERVICE_TOKEN,
            complaint,
            "../../../../tmp/evil.jpg",
            TestImages.jpeg(64, 64));
    assertRefused(answer, 422, complaint);
    Api.Response presign =
        api.post(
            photos(complaint) + "/presign",
            TestSetup.SERVICE_TOKEN,
            Map.of(
                "filename",
                "..\\..\\evil.jpg",
                "content_type",
                "image/jpeg",
                "content_length",
                100));
    assertRefused(presign, 422, complaint);
    assertThat(Path.of("/tmp/evil.jpg")).doesNotExist();
  }

  @Test
  void aPresignedPutWithAnotherContentTypeIsRefused() {
    String complaint = complaint();
    byte[] image = TestImages.jpeg(64, 64);
    JsonNode presign = presign(complaint, "a.jpg", "image/jpeg", image.length);
    HttpResponse<byte[]> put = put(presign, "image/png", image);
    assertThat(put.statusCode()).isEqualTo(wrongTypeStatus());
    String folder = complaint + "/" + presign.get("photo_id").asString() + "/";
    assertThat(storedKeys(folder)).isEmpty();
    assertThat(confirm(complaint, presign.get("photo_id").asString()).status()).isEqualTo(409);
    assertNothingLeft(complaint);
  }

  @Test
  void aPresignedPutWithMoreBytesThanSignedIsRefused() {
    String complaint = complaint();
    byte[] image = TestImages.jpeg(64, 64);
    JsonNode presign = presign(complaint, "a.jpg", "image/jpeg", image.length - 10);
    HttpResponse<byte[]> put = put(presign, "image/jpeg", image);
    assertThat(put.statusCode()).isBetween(400, 499);
    assertThat(storedKeys(complaint + "/")).isEmpty();
  }

  @Test
  void aPresignedPutAfterExpiryIsRefusedAndTheStaleUploadIsCleanedUp() throws Exception {
    String complaint = complaint();
    byte[] image = TestImages.jpeg(64, 64);
    JsonNode late = presign(complaint, "late.jpg", "image/jpeg", image.length);
    JsonNode abandoned = presign(complaint, "abandoned.jpg", "image/jpeg", image.length);
    assertThat(put(abandoned, "image/jpeg", image).statusCode()).isEqualTo(200);
    assertThat(storedKeys(complaint + "/")).hasSize(1);

    Thread.sleep(Duration.parse("PT" + PRESIGN_TTL).toMillis() + 1500);

    assertThat(put(late, "image/jpeg", image).statusCode()).isEqualTo(403);
    assertThat(service.cleanUpExpired(Duration.ZERO)).isGreaterThanOrEqualTo(2);
    assertNothingLeft(complaint);
    assertThat(confirm(complaint, abandoned.get("photo_id").asString()).status()).isEqualTo(404);
  }

  @Test
  void confirmingAPhotoThatWasNeverUploadedFailsAndVoidsThePresign() throws Exception {
    String complaint = complaint();
    JsonNode presign = presign(complaint, "never.jpg", "image/jpeg", 1000);
    Api.Response answer = confirm(complaint, presign.get("photo_id").asString());
    assertRefused(answer, 409, complaint);
    assertThat(confirm(complaint, presign.get("photo_id").asString()).status()).isEqualTo(404);

    // S3 cannot revoke a presigned URL, so a late PUT may still land; the expired link's
    // clean-up removes it with the void presign.
    put(presign, "image/jpeg", new byte[1000]);
    Thread.sleep(Duration.parse("PT" + PRESIGN_TTL).toMillis() + 1500);
    service.cleanUpExpired(Duration.ZERO);
    assertNothingLeft(complaint);
    assertThat(allRows(complaint)).isZero();
  }

  @Test
  void confirmingOnAnotherComplaintIsNotFoundAndChangesNothing() {
    String first = complaint();
    String second = complaint();
    byte[] image = TestImages.jpeg(64, 64);
    JsonNode presign = presign(first, "a.jpg", "image/jpeg", image.length);
    assertThat(put(presign, "image/jpeg", image).statusCode()).isEqualTo(200);

    assertRefused(confirm(second, presign.get("photo_id").asString()), 404, second);

    assertThat(confirm(first, presign.get("photo_id").asString()).status()).isEqualTo(201);
  }

  @Test
  void aConfirmThatFailsItsChecksRemovesTheUploadedObject() {
    String complaint = complaint();
    byte[] text = "not an image at all, whatever the type says".getBytes(StandardCharsets.UTF_8);
    JsonNode presign = presign(complaint, "a.jpg", "image/jpeg", text.length);
    assertThat(put(presign, "image/jpeg", text).statusCode()).isEqualTo(200);
    assertThat(storedKeys(complaint + "/")).hasSize(1);
    assertRefused(confirm(complaint, presign.get("photo_id").asString()), 415, complaint);
    assertThat(counter("photo.uploads.failed", "reason", "type")).isPositive();
  }

  @Test
  void aComplaintTakesNoMorePhotosThanConfigured() {
    String complaint = complaint();
    for (int i = 0; i < MAX_PER_COMPLAINT; i++) {
      assertThat(
              upload(TestSetup.SERVICE_TOKEN, complaint, "p.jpg", TestImages.jpeg(64, 64)).status())
          .isEqualTo(201);
    }
    Api.Response over =
        upload(TestSetup.SERVICE_TOKEN, complaint, "p.jpg", TestImages.jpeg(64, 64));
    assertThat(over.status()).isEqualTo(409);
    assertThat(
            api.post(
                    photos(complaint) + "/presign",
                    TestSetup.SERVICE_TOKEN,
                    Map.of("filename", "p.jpg", "content_type", "image/jpeg", "content_length", 10))
                .status())
        .isEqualTo(409);
    assertThat(api.get(photos(complaint), TestSetup.SERVICE_TOKEN).json().size())
        .isEqualTo(MAX_PER_COMPLAINT);
    assertThat(rows(complaint)).isEqualTo(MAX_PER_COMPLAINT);
  }

  @Test
  void onlyAnAdminOrWhoeverAddedAPhotoMayDeleteItAndItsFilesGoWithIt() {
    String complaint = complaint();
    Fixtures.Staff adder = fixtures.porter();
    Fixtures.Staff other = fixtures.porter();
    JsonNode photo = processed(upload(adder.token(), complaint, "p.jpg", TestImages.jpeg(64, 64)));
    String path = photos(complaint) + "/" + photo.get("id").asString();
    String fileUrl = photo.get("file_url").asString();

    assertThat(api.delete(path, other.token()).status()).isEqualTo(403);
    assertThat(api.delete(path, TestSetup.SERVICE_TOKEN).status()).isEqualTo(403);
    assertThat(api.delete(path, adder.token()).status()).isEqualTo(204);

    assertThat(api.get(path, fixtures.adminToken()).status()).isEqualTo(404);
    assertThat(fetch(fileUrl).statusCode()).isBetween(400, 499);
    assertNothingLeft(complaint);
    JsonNode history =
        api.get("/api/v1/complaints/" + complaint + "/history", fixtures.adminToken()).json();
    assertThat(history.findValuesAsString("action")).contains("photo_added", "photo_removed");

    // Removed at once, most likely while it is processed: what the worker makes goes too.
    JsonNode second = upload(adder.token(), complaint, "q.jpg", TestImages.jpeg(64, 64)).json();
    assertThat(
            api.delete(photos(complaint) + "/" + second.get("id").asString(), fixtures.adminToken())
                .status())
        .isEqualTo(204);
    assertNothingLeft(complaint);
  }

  @Test
  void aPorterCannotReachPhotosOfAComplaintAssignedToSomeoneElse() {
    String complaint = complaint();
    Fixtures.Staff owner = fixtures.porter();
    Fixtures.Staff stranger = fixtures.porter();
    fixtures.assign(complaint, owner.id());
    assertThat(upload(owner.token(), complaint, "p.jpg", TestImages.jpeg(64, 64)).status())
        .isEqualTo(201);
    assertThat(api.get(photos(complaint), stranger.token()).status()).isEqualTo(404);
    assertThat(upload(stranger.token(), complaint, "p.jpg", TestImages.jpeg(64, 64)).status())
        .isEqualTo(404);
    assertThat(api.get(photos(complaint), null).status()).isEqualTo(401);
    assertThat(rows(complaint)).isEqualTo(1);
  }

  @Test
  void pngGifAndTransparencyAreAccepted() {
    String complaint = complaint();
    JsonNode png =
        processed(
            upload(
                TestSetup.SERVICE_TOKEN,
                complaint,
                "a.png",
                "image/png",
                TestImages.transparentPng(300, 200)));
    assertThat(png.get("mime_type").asString()).isEqualTo("image/png");
    JsonNode gif =
        processed(
            upload(
                TestSetup.SERVICE_TOKEN, complaint, "a.gif", "image/gif", TestImages.gif(120, 80)));
    assertThat(gif.get("mime_type").asString()).isEqualTo("image/jpeg");
    assertThat(gif.get("width").asInt()).isEqualTo(120);
  }

  @Test
  void purgingAComplaintRemovesItsStoredPhotos() throws Exception {
    String complaint = complaint();
    processed(upload(TestSetup.SERVICE_TOKEN, complaint, "p.jpg", TestImages.jpeg(64, 64)));
    fixtures.move(complaint, "in_progress");
    fixtures.move(complaint, "resolved");
    Thread.sleep(20);
    Api.Response purged =
        api.call("DELETE", "/api/v1/admin/purge")
            .token(fixtures.adminToken())
            .json(Map.of("complaint_status", "resolved", "days_old", 0))
            .send();
    assertThat(purged.status()).as(purged.toString()).isEqualTo(200);
    assertThat(purged.body()).contains(complaint);
    assertThat(storedKeys(complaint + "/")).isEmpty();
    assertThat(rows(complaint)).isZero();
  }

  // --- helpers

  String complaint() {
    return fixtures.submit().get("id").asString();
  }

  static String photos(String complaint) {
    return "/api/v1/complaints/" + complaint + "/photos";
  }

  Api.Response upload(String token, String complaint, String fileName, byte[] bytes) {
    return upload(token, complaint, fileName, "image/jpeg", bytes);
  }

  Api.Response upload(
      String token, String complaint, String fileName, String contentType, byte[] bytes) {
    Multipart body = Multipart.file(fileName, contentType, bytes);
    return api.call("POST", photos(complaint))
        .token(token)
        .bytes(body.contentType(), body.bytes())
        .send();
  }

  /** The accepted photo once the background work is done with it: ready or failed. */
  JsonNode processed(Api.Response created) {
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String path =
        photos(created.json().get("complaint_id").asString())
            + "/"
            + created.json().get("id").asString();
    return Eventually.poll(
        "the photo is processed",
        Duration.ofSeconds(30),
        () -> api.get(path, fixtures.adminToken()).json(),
        photo -> !photo.get("state").asString().equals("processing"));
  }

  JsonNode presign(String complaint, String fileName, String type, long length) {
    Api.Response answer =
        api.post(
            photos(complaint) + "/presign",
            TestSetup.SERVICE_TOKEN,
            Map.of("filename", fileName, "content_type", type, "content_length", length));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json();
  }

  Api.Response confirm(String complaint, String photoId) {
    return api.post(
        photos(complaint) + "/confirm", TestSetup.SERVICE_TOKEN, Map.of("photo_id", photoId));
  }

  /** A PUT with the headers the presign asks for, but {@code contentType} as its type. */
  static HttpResponse<byte[]> put(JsonNode presign, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(presign.get("url").asString()));
    presign
        .get("fields")
        .properties()
        .forEach(
            field -> {
              if (!field.getKey().equalsIgnoreCase("Content-Type")) {
                request.header(field.getKey(), field.getValue().asString());
              }
            });
    return send(
        request
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static HttpResponse<byte[]> fetch(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  long etag(String complaint) {
    return Long.parseLong(
        api.get("/api/v1/complaints/" + complaint, fixtures.adminToken())
            .header("ETag")
            .orElseThrow()
            .replace("\"", ""));
  }

  /** Rows of photos and open presigns; void presigns waiting for their link to expire aside. */
  long rows(String complaint) {
    return jdbc.sql("SELECT count(*) FROM photos WHERE complaint_id = :id AND state <> 'void'")
        .param("id", complaint)
        .query(Long.class)
        .single();
  }

  long allRows(String complaint) {
    return jdbc.sql("SELECT count(*) FROM photos WHERE complaint_id = :id")
        .param("id", complaint)
        .query(Long.class)
        .single();
  }

  double counter(String name, String tag, String value) {
    return meters.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  void assertRefused(Api.Response answer, int status, String complaint) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(answer.json().get("detail").isString()).isTrue();
    assertNothingLeft(complaint);
  }

  void assertNothingLeft(String complaint) {
    assertThat(rows(complaint)).as("photo rows").isZero();
    assertThat(api.get(photos(complaint), fixtures.adminToken()).json().size()).isZero();
    // The worker may still be busy with this or an earlier test's photo for a moment.
    Eventually.await(
        "no stored object and no work folder is left",
        () -> storedKeys(complaint + "/").isEmpty() && workFolders().isEmpty());
  }

  List<Path> workFolders() {
    try (Stream<Path> temp = Files.list(system.dataDir().resolve("uploading"))) {
      return temp.toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static char dominant(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    int g = (rgb >> 8) & 0xFF;
    int b = rgb & 0xFF;
    if (r > 180 && g < 90 && b < 90) return 'r';
    if (g > 180 && r < 90 && b < 90) return 'g';
    if (b > 180 && r < 90 && g < 90) return 'b';
    return '?';
  }
}
