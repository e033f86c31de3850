package org.hostel.complaints.photo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Photo checks, processing and storage.
 *
 * @param storage where photos are kept: {@code local} (under the data folder) or {@code s3} ({@code
 *     COMPLAINTS_PHOTOS_STORAGE})
 * @param maxFileSize largest upload accepted, direct or presigned; keep {@code
 *     spring.servlet.multipart.max-file-size} equal to it
 * @param maxPixels largest decoded image (width × height) accepted; refuses decompression bombs
 * @param maxProgressivePixels largest progressive JPEG accepted (width × height): such images are
 *     decoded at full size whatever their stored size, so their cost is bounded by this lower limit
 *     ({@code COMPLAINTS_PHOTOS_MAX_PROGRESSIVE_PIXELS})
 * @param maxPerComplaint most photos one complaint may have, pending presigned uploads included
 * @param maxEdge longest edge of the stored image, in pixels
 * @param thumbnailEdge longest edge of the thumbnail, in pixels
 * @param linkTtl how long a {@code file_url} or {@code thumbnail_url} stays loadable
 * @param presignTtl how long a presigned upload URL stays usable
 * @param cleanupInterval how often expired, never-confirmed presigned uploads are removed
 * @param processingConcurrency images processed at once, in the background after the upload is
 *     answered; accepted photos wait their turn on disk (or in the bucket), which bounds memory. 0
 *     means one per processor
 * @param processingEnabled whether this instance processes accepted photos; false leaves them to
 *     other instances (on the same database and store), which take them up
 * @param processingLease how long an instance holds a photo it began to process; a claim left by a
 *     crashed instance lapses after this and the photo is processed again
 * @param urlSecret HMAC key of signed links to the local store; empty means one generated once into
 *     the data folder. Instances sharing a photo folder need the same value
 * @param s3 the S3-compatible store, used when {@code storage} is {@code s3}
 */
@ConfigurationProperties("complaints.photos")
@Validated
record PhotoSettings(
    @DefaultValue("local") Storage storage,
    @DefaultValue("10MB") DataSize maxFileSize,
    @DefaultValue("50000000") @Min(1) long maxPixels,
    @DefaultValue("16000000") @Min(1) long maxProgressivePixels,
    @DefaultValue("10") @Min(1) @Max(1000) int maxPerComplaint,
    @DefaultValue("2048") @Min(64) int maxEdge,
    @DefaultValue("256") @Min(16) int thumbnailEdge,
    @DefaultValue("1h") Duration linkTtl,
    @DefaultValue("15m") Duration presignTtl,
    @DefaultValue("5m") Duration cleanupInterval,
    @DefaultValue("0") @Min(0) int processingConcurrency,
    @DefaultValue("true") boolean processingEnabled,
    @DefaultValue("2m") Duration processingLease,
    @DefaultValue("") String urlSecret,
    @DefaultValue S3 s3) {

  /** The two stores. */
  enum Storage {
    LOCAL,
    S3
  }

  /**
   * An S3-compatible bucket.
   *
   * @param endpoint e.g. {@code http://minio:9000}; empty means AWS itself ({@code
   *     COMPLAINTS_PHOTOS_S3_ENDPOINT})
   * @param bucket the bucket, created at start-up when missing ({@code
   *     COMPLAINTS_PHOTOS_S3_BUCKET})
   * @param region signing region ({@code COMPLAINTS_PHOTOS_S3_REGION})
   * @param accessKey access key; empty means the SDK's default credential chain ({@code
   *     COMPLAINTS_PHOTOS_S3_ACCESS_KEY})
   * @param secretKey secret key ({@code COMPLAINTS_PHOTOS_S3_SECRET_KEY})
   * @param pathStyle bucket in the path instead of the host name, as MinIO and S3Proxy need
   */
  record S3(
      @DefaultValue("") String endpoint,
      @DefaultValue("") String bucket,
      @DefaultValue("us-east-1") String region,
      @DefaultValue("") String accessKey,
      @DefaultValue("") String secretKey,
      @DefaultValue("true") boolean pathStyle) {

    @Nullable URI endpointUri() {
      return endpoint.isBlank() ? null : URI.create(endpoint.strip());
    }
  }

  int concurrency() {
    return processingConcurrency > 0
        ? processingConcurrency
        : Runtime.getRuntime().availableProcessors();
  }
}
