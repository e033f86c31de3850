package org.hostel.complaints.photo;

import jakarta.servlet.MultipartConfigElement;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.hostel.complaints.complaint.ComplaintsPurged;
import org.hostel.complaints.observability.Spans;
import org.hostel.complaints.storage.GeneratedSecrets;
import org.hostel.complaints.storage.StorageSettings;
import org.hostel.complaints.web.MultipartEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.event.TransactionalEventListener;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PhotoSettings.class)
class PhotoConfig implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(PhotoConfig.class);

  /** Which store is configured: {@code local} (the default) or {@code s3}. */
  static final String STORAGE = "complaints.photos.storage";

  private final PhotoSettings settings;
  private final org.springframework.beans.factory.ObjectProvider<PhotoService> photos;
  private final Spans spans;

  PhotoConfig(
      PhotoSettings settings,
      org.springframework.beans.factory.ObjectProvider<PhotoService> photos,
      Spans spans) {
    this.settings = settings;
    this.photos = photos;
    this.spans = spans;
  }

  /** Direct uploads are the one place that takes {@code multipart/form-data}. */
  @Bean
  MultipartEndpoint photoUpload() {
    return new MultipartEndpoint("POST", "/api/v1/complaints/{id}/photos");
  }

  /**
   * Multipart limits that match the photo limit: one file part of at most the photo size, and a
   * whole request only a little larger (room for the part headers and boundaries). Parts go to disk
   * from the first byte, never into memory.
   */
  @Bean
  MultipartConfigElement multipartConfig() {
    long file = settings.maxFileSize().toBytes();
    return new MultipartConfigElement("", file, file + 16 * 1024, 0);
  }

  /** The local store, with its own HTTP side ({@link LocalPhotoController}) beside it. */
  @Bean
  @ConditionalOnProperty(name = STORAGE, havingValue = "local", matchIfMissing = true)
  LocalPhotoStorage localPhotoStorage(
      StorageSettings system, GeneratedSecrets secrets, Clock clock) {
    return new LocalPhotoStorage(
        system.dataDir().resolve("photos"),
        new LinkSigner(linkSecret(secrets)),
        clock,
        settings.linkTtl());
  }

  @Bean
  @ConditionalOnProperty(name = STORAGE, havingValue = "s3")
  S3PhotoStorage s3PhotoStorage() {
    return s3Storage();
  }

  /**
   * Links to the local store carry their own credential, so a browser {@code <img>} and a phone's
   * PUT need no bearer token there; this chain comes before the API's and covers nothing else.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 20)
  SecurityFilterChain photoLinks(HttpSecurity http) throws Exception {
    http.securityMatcher(LocalPhotoStorage.PATH + "**")
        .csrf(csrf -> csrf.disable())
        .cors(cors -> cors.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers -> headers.cacheControl(cache -> cache.disable()))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
    return http.build();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        () -> {
          try {
            photos.getObject().cleanUpExpired();
          } catch (RuntimeException e) {
            log.warn("Cleaning up expired photo uploads failed; will retry", e);
          }
        },
        settings.cleanupInterval());
  }

  /** Purged complaints' photo rows went with them (cascade); their objects go now. */
  @TransactionalEventListener
  void on(ComplaintsPurged purged) {
    try {
      photos.getObject().forget(purged.ids());
    } catch (RuntimeException e) {
      log.warn("Could not remove the photos of {} purged complaints", purged.ids().size(), e);
    }
  }

  private S3PhotoStorage s3Storage() {
    PhotoSettings.S3 s3 = settings.s3();
    if (s3.bucket().isBlank()) {
      throw new IllegalStateException(
          "complaints.photos.storage=s3 needs a bucket (COMPLAINTS_PHOTOS_S3_BUCKET)");
    }
    AwsCredentialsProvider credentials =
        s3.accessKey().isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
    S3Configuration service =
        S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).build();
    var client =
        S3Client.builder()
            .region(Region.of(s3.region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(service)
            // Checksums only where S3 requires them: many S3-compatible stores reject the
            // chunked trailing checksums the SDK would otherwise add to every upload.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(c -> c.addExecutionInterceptor(new S3Spans(spans)));
    var presigner =
        S3Presigner.builder()
            .region(Region.of(s3.region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(service);
    if (s3.endpointUri() != null) {
      client.endpointOverride(s3.endpointUri());
      presigner.endpointOverride(s3.endpointUri());
    }
    S3PhotoStorage storage =
        new S3PhotoStorage(client.build(), presigner.build(), s3.bucket(), settings.linkTtl());
    storage.ensureBucket();
    return storage;
  }

  /** The configured link secret, or one generated once into the data folder. */
  private byte[] linkSecret(GeneratedSecrets secrets) {
    if (!settings.urlSecret().isBlank()) {
      return settings.urlSecret().getBytes(StandardCharsets.UTF_8);
    }
    return Base64.getDecoder().decode(secrets.randomKey("photo-link-secret", 32));
  }
}
