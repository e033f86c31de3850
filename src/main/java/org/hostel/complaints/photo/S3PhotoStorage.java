package org.hostel.complaints.photo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Photos in an S3-compatible bucket. Browsers fetch them and phones upload them straight from and
 * to the bucket through presigned URLs; the service never proxies the bytes.
 */
final class S3PhotoStorage implements PhotoStorage, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(S3PhotoStorage.class);

  private final S3Client s3;

  /**
   * Metadata signed into every presigned PUT, so the PUT must carry it: the old system did the same
   * and its bot sends the header (docs/MIGRATING.md); S3 refuses unsigned {@code x-amz-} headers.
   */
  static final String MANAGED_BY = "managed-by";

  static final String MANAGER = "complaint-backend";

  private final S3Presigner presigner;
  private final String bucket;
  private final Duration linkTtl;

  S3PhotoStorage(S3Client s3, S3Presigner presigner, String bucket, Duration linkTtl) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
    this.linkTtl = linkTtl;
  }

  /** Creates the bucket when it is missing, which is what a fresh MinIO needs. */
  void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      log.info("Creating photo bucket {}", bucket);
      s3.createBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      log.info("Creating photo bucket {}", bucket);
      s3.createBucket(b -> b.bucket(bucket));
    }
  }

  @Override
  public void put(String key, Path file, String contentType) {
    s3.putObject(
        b ->
            b.bucket(bucket)
                .key(key)
                .contentType(contentType)
                .cacheControl("private, max-age=" + linkTtl.getSeconds() + ", immutable"),
        RequestBody.fromFile(file));
  }

  @Override
  public void probe() {
    s3.headBucket(b -> b.bucket(bucket));
  }

  @Override
  public OptionalLong size(String key) {
    try {
      return OptionalLong.of(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
    } catch (NoSuchKeyException e) {
      return OptionalLong.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return OptionalLong.empty();
      }
      throw e;
    }
  }

  @Override
  public boolean copyTo(String key, Path target, long maxBytes) throws IOException {
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key));
        OutputStream out = Files.newOutputStream(target)) {
      return copyAtMost(in, out, maxBytes);
    }
  }

  /**
   * One DeleteObject per key rather than a batch: the batch call needs a checksum header that
   * several S3-compatible stores reject, and a photo has only a few objects.
   */
  @Override
  public void delete(Collection<String> keys) {
    for (String key : keys) {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
  }

  @Override
  public void deleteAll(String prefix) {
    List<String> keys = new ArrayList<>();
    for (S3Object object :
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
      keys.add(object.key());
    }
    delete(keys);
  }

  @Override
  public String readUrl(String key) {
    return presigner
        .presignGetObject(
            b -> b.signatureDuration(linkTtl).getObjectRequest(r -> r.bucket(bucket).key(key)))
        .url()
        .toString();
  }

  @Override
  public Optional<String> keyOf(String url) {
    String marker = "/" + MANAGED_BY;
    String sample = s3.utilities().getUrl(r -> r.bucket(bucket).key(MANAGED_BY)).toString();
    String prefix = sample.substring(0, sample.length() - marker.length() + 1);
    int query = url.indexOf('?');
    String path = query < 0 ? url : url.substring(0, query);
    if (!path.startsWith(prefix)) {
      return Optional.empty();
    }
    return Optional.of(URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8));
  }

  @Override
  public Upload presignPut(String key, String contentType, long contentLength, Duration ttl) {
    var presigned =
        presigner.presignPutObject(
            b ->
                b.signatureDuration(ttl)
                    .putObjectRequest(
                        r ->
                            r.bucket(bucket)
                                .key(key)
                                .contentType(contentType)
                                .contentLength(contentLength)
                                .metadata(Map.of(MANAGED_BY, MANAGER))));
    return new Upload(
        presigned.url().toString(),
        Map.of("Content-Type", contentType, "x-amz-meta-" + MANAGED_BY, MANAGER));
  }

  @Override
  public void destroy() {
    presigner.close();
    s3.close();
  }

  private static boolean copyAtMost(InputStream in, OutputStream out, long maxBytes)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long count = 0;
    int n;
    while ((n = in.read(buffer)) >= 0) {
      count += n;
      if (count > maxBytes) {
        return false;
      }
      out.write(buffer, 0, n);
    }
    return true;
  }
}
