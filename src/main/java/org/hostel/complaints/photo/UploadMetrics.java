package org.hostel.complaints.photo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.hostel.complaints.photo.PhotoProblems.Refused;
import org.hostel.complaints.web.PayloadTooLarge;
import org.hostel.complaints.web.ValidationFailed;
import org.springframework.stereotype.Component;

/**
 * Upload figures on {@code /metrics}: {@code photo_uploads_attempts_total}, {@code
 * photo_uploads_succeeded_total}, {@code photo_uploads_failed_total{reason}}, {@code
 * photo_uploads_bytes_total} (bytes received, before processing) and {@code
 * photo_upload_processing_seconds}, each tagged {@code flow="direct"} or {@code flow="presigned"}.
 */
@Component
class UploadMetrics {

  private final MeterRegistry registry;

  UploadMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void attempted(String flow) {
    Counter.builder("photo.uploads.attempts")
        .description("Photo uploads begun (direct uploads and confirms of presigned uploads)")
        .tag("flow", flow)
        .register(registry)
        .increment();
  }

  /** A photo of {@code bytes} stored by an attempt that began at {@code startedNanos}. */
  void succeeded(String flow, long bytes, long startedNanos) {
    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
    Counter.builder("photo.uploads.succeeded")
        .description("Photo uploads stored")
        .tag("flow", flow)
        .register(registry)
        .increment();
    Counter.builder("photo.uploads.bytes")
        .description("Bytes of accepted uploads, as received")
        .baseUnit("bytes")
        .tag("flow", flow)
        .register(registry)
        .increment(bytes);
    Timer.builder("photo.upload.processing")
        .description("Time to check and store one upload, until it is answered")
        .tag("flow", flow)
        .register(registry)
        .record(took);
  }

  void failed(String flow, String reason) {
    Counter.builder("photo.uploads.failed")
        .description("Photo uploads refused or failed, by reason")
        .tag("flow", flow)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  interface Attempt<T> {
    T run() throws IOException;
  }

  /** One attempt of {@code flow}: a failure is counted under its reason and passed on. */
  <T> T counted(String flow, Attempt<T> attempt) {
    try {
      return attempt.run();
    } catch (Refused | PayloadTooLarge e) {
      failed(flow, PhotoProblems.reason(e));
      throw e;
    } catch (ValidationFailed e) {
      failed(flow, "name");
      throw e;
    } catch (IOException e) {
      failed(flow, "error");
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      failed(flow, "error");
      throw e;
    }
  }
}
