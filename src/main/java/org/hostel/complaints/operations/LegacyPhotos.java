package org.hostel.complaints.operations;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hostel.complaints.photo.PhotoIntake;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The old system's photos, read from its local folder ({@code <complaint>/<photo>.jpg}, or by the
 * {@code s3_key} or the path of the {@code /storage/} URL under that folder) or from its bucket (by
 * {@code s3_key}), added through {@link PhotoIntake}: the same checks, processing and limits as an
 * upload.
 */
@Component
class LegacyPhotos {

  private static final String KIND = "photos";

  /** Where the old photos are: a folder, a bucket, or not given. */
  record Origin(@Nullable Path folder, @Nullable String bucket) {}

  private final PhotoIntake intake;
  private final JdbcClient jdbc;
  private final Environment environment;

  LegacyPhotos(PhotoIntake intake, JdbcClient jdbc, Environment environment) {
    this.intake = intake;
    this.jdbc = jdbc;
    this.environment = environment;
  }

  void run(
      List<LegacySource.Photo> photos,
      Map<String, UUID> complaints,
      Origin origin,
      ImportReport report) {
    try (S3Client s3 = origin.bucket() == null ? null : s3()) {
      for (LegacySource.Photo photo : photos) {
        one(photo, complaints, origin, s3, report);
      }
    }
  }

  private void one(
      LegacySource.Photo photo,
      Map<String, UUID> complaints,
      Origin origin,
      @Nullable S3Client s3,
      ImportReport report) {
    if (jdbc.sql("SELECT count(*) FROM photos WHERE external_ref = :ref")
            .param("ref", photo.id())
            .query(Long.class)
            .single()
        > 0) {
      report.skipped(KIND, "already imported");
      return;
    }
    UUID complaint = complaints.get(photo.complaintId());
    if (complaint == null) {
      report.skipped(KIND, "its complaint was skipped");
      return;
    }
    if (origin.folder() == null && s3 == null) {
      report.skipped(KIND, "neither --photos nor --s3-bucket was given");
      return;
    }
    String name = photo.fileName() == null ? photo.id() + ".jpg" : photo.fileName();
    try (InputStream content = open(photo, origin, s3)) {
      if (content == null) {
        report.skipped(KIND, "its file is gone");
        return;
      }
      if (report.dryRun()) {
        report.imported(KIND);
        return;
      }
      UUID id = intake.add(Caller.integration(), complaint, name, content);
      jdbc.sql("UPDATE photos SET external_ref = :ref WHERE id = :id")
          .param("ref", photo.id())
          .param("id", id.toString())
          .update();
      report.imported(KIND);
    } catch (ApiException refused) {
      report.skipped(KIND, "refused by the photo checks: " + refused.getMessage());
    } catch (IOException | SdkException e) {
      report.skipped(KIND, "could not be read: " + CommandLine.oneLine(e));
    }
  }

  private @Nullable InputStream open(LegacySource.Photo photo, Origin origin, @Nullable S3Client s3)
      throws IOException {
    if (s3 != null) {
      if (photo.s3Key() == null) {
        return null;
      }
      try {
        return s3.getObject(r -> r.bucket(origin.bucket()).key(photo.s3Key()));
      } catch (NoSuchKeyException gone) {
        return null;
      }
    }
    Path folder = origin.folder().toAbsolutePath().normalize();
    List<String> candidates = new ArrayList<>();
    candidates.add(photo.complaintId() + "/" + photo.id() + ".jpg");
    Optional.ofNullable(photo.s3Key()).ifPresent(candidates::add);
    if (photo.fileUrl() != null && photo.fileUrl().contains("/storage/")) {
      String path = URI.create(photo.fileUrl().strip()).getPath();
      candidates.add(path.substring(path.indexOf("/storage/") + "/storage/".length()));
    }
    for (String candidate : candidates) {
      Path file = folder.resolve(candidate).normalize();
      if (file.startsWith(folder) && Files.isRegularFile(file)) {
        return Files.newInputStream(file);
      }
    }
    return null;
  }

  /** A client for the old bucket, with this service's S3 settings (endpoint, region, keys). */
  private S3Client s3() {
    String prefix = "complaints.photos.s3.";
    var client =
        S3Client.builder()
            .region(Region.of(environment.getProperty(prefix + "region", "us-east-1")))
            .forcePathStyle(true)
            // As for the photo store: S3-compatible servers refuse the SDK's default checksums.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    String key = environment.getProperty(prefix + "access-key", "");
    client.credentialsProvider(
        key.isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    key, environment.getProperty(prefix + "secret-key", ""))));
    String endpoint = environment.getProperty(prefix + "endpoint", "");
    if (!endpoint.isBlank()) {
      client.endpointOverride(URI.create(endpoint));
    }
    return client.build();
  }
}
