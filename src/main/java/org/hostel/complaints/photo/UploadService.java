package org.hostel.complaints.photo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.ComplaintService;
import org.hostel.complaints.complaint.PhotoChange;
import org.hostel.complaints.photo.PhotoProblems.LimitReached;
import org.hostel.complaints.photo.PhotoProblems.NotUploaded;
import org.hostel.complaints.photo.PhotoProblems.PhotoNotFound;
import org.hostel.complaints.photo.PhotoProblems.Refused;
import org.hostel.complaints.photo.PhotoProblems.UnsupportedType;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.storage.Ids;
import org.hostel.complaints.web.PayloadTooLarge;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Adding photos: uploaded straight to the service, or presigned, PUT to the store and confirmed.
 * Only the checks that decode no pixel happen while the client waits; the checked original is
 * stored and the photo answered as {@code processing}, and the {@link PhotoWorker} makes the stored
 * image later. Objects are written before the row that points at them is committed and removed when
 * that commit does not happen, so a failed upload leaves nothing behind.
 */
@Service
class UploadService {

  static final String DIRECT = "direct";
  static final String PRESIGNED = "presigned";
  private static final Set<String> ACCEPTED =
      Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

  private final PhotoRepository photos;
  private final PhotoProcessor processor;
  private final PhotoWorker worker;
  private final PhotoStorage storage;
  private final UploadWorkspace workspace;
  private final ComplaintService complaints;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final UploadMetrics metrics;
  private final PhotoSettings settings;
  private final Clock clock;

  UploadService(
      PhotoRepository photos,
      PhotoProcessor processor,
      PhotoWorker worker,
      PhotoStorage storage,
      UploadWorkspace workspace,
      ComplaintService complaints,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      UploadMetrics metrics,
      PhotoSettings settings,
      Clock clock) {
    this.photos = photos;
    this.processor = processor;
    this.worker = worker;
    this.storage = storage;
    this.workspace = workspace;
    this.complaints = complaints;
    this.tx = tx;
    this.events = events;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
  }

  PhotoResponse upload(Caller caller, UUID complaintId, @Nullable MultipartFile file) {
    String name = file == null ? null : file.getOriginalFilename();
    return direct(caller, complaintId, name, PhotoSource.of(file));
  }

  /** Adds a photo with the same checks and processing as an upload; see {@link PhotoIntake}. */
  PhotoResponse direct(
      Caller caller, UUID complaintId, @Nullable String filename, @Nullable PhotoSource source) {
    complaints.visible(caller, complaintId);
    metrics.attempted(DIRECT);
    long started = System.nanoTime();
    return metrics.counted(
        DIRECT,
        () -> {
          if (source == null) {
            throw ValidationFailed.of("file", "is required (a multipart field named file)");
          }
          String name = Photo.displayName(filename, "file");
          if (photos.countActive(complaintId, clock.instant()) >= settings.maxPerComplaint()) {
            throw LimitReached.of(settings.maxPerComplaint());
          }
          Photo photo =
              workspace.run(
                  work -> {
                    Path original = work.resolve("original");
                    long size = source.copyTo(original);
                    Photo accepted =
                        Photo.processing(
                            Ids.newId(),
                            complaintId,
                            name,
                            processor.check(original),
                            size,
                            caller.key(),
                            clock.instant());
                    accept(caller, accepted, original, false);
                    metrics.succeeded(DIRECT, size, started);
                    return accepted;
                  });
          return PhotoResponse.of(photo, storage);
        });
  }

  PresignResponse presign(Caller caller, UUID complaintId, PresignRequest request) {
    complaints.visible(caller, complaintId);
    metrics.attempted(PRESIGNED);
    return metrics.counted(
        PRESIGNED,
        () -> {
          String name = Photo.displayName(request.filename(), "filename");
          String type = request.contentType().strip().toLowerCase(Locale.ROOT);
          if (!ACCEPTED.contains(type)) {
            throw UnsupportedType.declared(type);
          }
          long max = settings.maxFileSize().toBytes();
          if (request.contentLength() > max) {
            throw PhotoProblems.tooLarge(max);
          }
          Instant now = clock.instant();
          Photo pending =
              Photo.pending(
                  complaintId,
                  name,
                  type,
                  request.contentLength(),
                  caller.key(),
                  now,
                  now.plus(settings.presignTtl()));
          tx.executeWithoutResult(
              s -> {
                if (photos.countActive(complaintId, now) >= settings.maxPerComplaint()) {
                  throw LimitReached.of(settings.maxPerComplaint());
                }
                photos.insert(pending);
              });
          PhotoStorage.Upload upload =
              storage.presignPut(
                  pending.uploadKey(), type, request.contentLength(), settings.presignTtl());
          return new PresignResponse(
              pending.id(),
              pending.id(),
              pending.uploadKey(),
              "PUT",
              upload.url(),
              upload.headers(),
              settings.presignTtl().toSeconds());
        });
  }

  /** Whether a presigned upload for this photo may still arrive. */
  boolean awaitsUpload(UUID complaintId, UUID photoId) {
    Instant now = clock.instant();
    return photos
        .find(complaintId, photoId)
        .filter(p -> p.state() == Photo.State.PENDING)
        .filter(p -> p.expiresAt() != null && p.expiresAt().isAfter(now))
        .isPresent();
  }

  PhotoResponse confirm(Caller caller, UUID complaintId, UUID photoId, Consumer<Photo> check) {
    complaints.visible(caller, complaintId);
    Photo pending =
        photos
            .find(complaintId, photoId)
            .filter(p -> p.state() == Photo.State.PENDING)
            .orElseThrow(() -> PhotoNotFound.pending(photoId));
    check.accept(pending);
    long started = System.nanoTime();
    return metrics.counted(
        PRESIGNED,
        () -> {
          try {
            return confirm(caller, pending, started);
          } catch (Refused | PayloadTooLarge e) {
            // A confirm uses up its presign, whatever the outcome: the client asks for a new one.
            // The row stays (void) until the link expires, because S3 still accepts PUTs to it
            // until then and the clean-up must find what they leave.
            storage.delete(List.of(pending.uploadKey()));
            photos.voidPending(pending.id());
            throw e;
          }
        });
  }

  private PhotoResponse confirm(Caller caller, Photo pending, long started) throws IOException {
    if (pending.expiresAt() == null || !pending.expiresAt().isAfter(clock.instant())) {
      throw NotUploaded.expired(pending.id());
    }
    long max = settings.maxFileSize().toBytes();
    OptionalLong size = storage.size(pending.uploadKey());
    if (size.isEmpty()) {
      throw NotUploaded.nothing(pending.id());
    }
    if (size.getAsLong() > max) {
      throw PhotoProblems.tooLarge(max);
    }
    Photo photo =
        workspace.run(
            work -> {
              Path original = work.resolve("original");
              if (!storage.copyTo(pending.uploadKey(), original, max)) {
                throw PhotoProblems.tooLarge(max);
              }
              Photo accepted =
                  Photo.processing(
                      pending.id(),
                      pending.complaintId(),
                      pending.fileName(),
                      processor.check(original),
                      size.getAsLong(),
                      pending.addedBy(),
                      clock.instant());
              accept(caller, accepted, original, true);
              return accepted;
            });
    storage.delete(List.of(pending.uploadKey()));
    metrics.succeeded(PRESIGNED, size.getAsLong(), started);
    return PhotoResponse.of(photo, storage);
  }

  /**
   * Stores the checked original, then records the photo with its history entry and event in one
   * transaction, and hands it to the worker once committed. The complaint's row is held first, so
   * the count cannot race another upload.
   */
  private void accept(Caller caller, Photo photo, Path original, boolean presigned)
      throws IOException {
    boolean kept = false;
    try {
      storage.put(photo.originalKey(), original, photo.mimeType());
      tx.executeWithoutResult(
          s -> {
            Complaint after =
                complaints.recordPhoto(caller, photo.complaintId(), PhotoChange.ADDED, photo.id());
            long held =
                presigned
                    ? photos.countAccepted(photo.complaintId())
                    : photos.countActive(photo.complaintId(), photo.createdAt());
            if (held >= settings.maxPerComplaint()) {
              throw LimitReached.of(settings.maxPerComplaint());
            }
            if (!presigned) {
              photos.insert(photo);
            } else if (!photos.markProcessing(photo)) {
              throw NotUploaded.expired(photo.id());
            }
            events.publishEvent(new PhotoAdded(after, photo.id(), caller.staffId()));
          });
      kept = true;
    } finally {
      if (!kept) {
        storage.delete(List.of(photo.originalKey()));
      }
    }
    worker.wake();
  }
}
