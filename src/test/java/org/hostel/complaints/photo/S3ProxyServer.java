package org.hostel.complaints.photo;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.hostel.complaints.testing.Eventually;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server (S3Proxy over a folder) on a free local port, checking AWS signatures
 * like S3 does. Started by the tests and the benchmark; nothing is mocked.
 */
public final class S3ProxyServer implements AutoCloseable {

  public static final String ACCESS_KEY = "photo-test-access";
  public static final String SECRET_KEY = "photo-test-secret-key-0123456789";

  private final S3Proxy proxy;
  private final BlobStoreContext context;
  private final S3Client client;

  private S3ProxyServer(S3Proxy proxy, BlobStoreContext context) {
    this.proxy = proxy;
    this.context = context;
    this.client =
        S3Client.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create(endpoint()))
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .build();
  }

  /** Starts a server keeping its objects in memory. */
  public static S3ProxyServer start() {
    try {
      BlobStoreContext context =
          ContextBuilder.newBuilder("transient")
              .credentials("identity", "credential")
              .build(BlobStoreContext.class);
      S3Proxy proxy =
          S3Proxy.builder()
              .blobStore(context.getBlobStore())
              .endpoint(URI.create("http://127.0.0.1:0"))
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
              .build();
      proxy.start();
      Eventually.await(
          "S3Proxy has started", Duration.ofSeconds(60), () -> "STARTED".equals(proxy.getState()));
      return new S3ProxyServer(proxy, context);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start S3Proxy", e);
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** Every key in the bucket under {@code prefix}. */
  public List<String> keys(String bucket, String prefix) {
    if (!context.getBlobStore().containerExists(bucket)) {
      return List.of();
    }
    return context
        .getBlobStore()
        .list(bucket, ListContainerOptions.Builder.prefix(prefix).recursive())
        .stream()
        .filter(m -> m.getType() == org.jclouds.blobstore.domain.StorageType.BLOB)
        .map(StorageMetadata::getName)
        .toList();
  }

  public S3Client client() {
    return client;
  }

  public List<String> listed(String bucket, String prefix) {
    return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  @Override
  public void close() {
    try {
      client.close();
      proxy.stop();
      context.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
