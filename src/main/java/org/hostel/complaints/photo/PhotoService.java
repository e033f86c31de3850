package org.hostel.complaints.photo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.ComplaintService;
import org.hostel.complaints.photo.PhotoProblems.LimitReached;
import org.hostel.complaints.photo.PhotoProblems.NotUploaded;
import org.hostel.complaints.photo.PhotoProblems.PhotoNotFound;
import org.hostel.complaints.photo.PhotoProblems.Refused;
import org.hostel.complaints.photo.PhotoProblems.UnsupportedType;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.storage.Ids;
import org.hostel.complaints.storage.StorageSettings;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.PayloadTooLarge;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Adding, listing and removing photos. Objects are written before the row that points at them is
 * committed and removed when that commit does not happen, so a failed upload leaves nothing behind;
 * a row is removed before its objects, so no listed photo ever points at nothing.
 */
@Service
class PhotoService {

  private static final Logger log = LoggerFactory.getLogger(PhotoService.class);
  private static final Set<String> ACCEPTED =
      Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
  static final String DIRECT = "direct";
  static final String PRESIGNED = "presigned";

  private final PhotoRepository photos;
  private final PhotoProcessor processor;
  private final PhotoStorage storage;
  private final ComplaintService complaints;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final UploadMetrics metrics;
  private final PhotoSettings settings;
  private final Clock clock;
  private final Path workRoot;

  PhotoService(
      PhotoRepository photos,
      PhotoProcessor processor,
      PhotoStorage storage,
      ComplaintService complaints,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      UploadMetrics metrics,
      PhotoSettings settings,
      StorageSettings system,
      Clock clock)
      throws IOException {
    this.photos = photos;
    this.processor = processor;
    this.storage = storage;
    this.complaints = complaints;
    this.tx = tx;
    this.events = events;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
    // Uploads are worked on inside the data folder, not /tmp: the same disk as the local store,
    // and whatever a crash left there is cleared at the next start.
    this.workRoot = system.dataDir().resolve("uploading").toAbsolutePath();
    if (Files.isDirectory(workRoot)) {
      deleteTree(workRoot);
    }
    Files.createDirectories(workRoot);
  }

  PhotoResponse upload(Caller caller, UUID complaintId, @Nullable MultipartFile file) {
    complaints.visible(caller, complaintId);
    metrics.attempted(DIRECT);
    long started = System.nanoTime();
    try {
      if (file == null) {
        throw ValidationFailed.of("file", "is required (a multipart field named file)");
      }
      String name = fileName(file.getOriginalFilename(), "file");
      if (photos.countActive(complaintId, clock.instant()) >= settings.maxPerComplaint()) {
        throw LimitReached.of(settings.maxPerComplaint());
      }
      Path work = workFolder();
      try {
        Path original = work.resolve("original");
        file.transferTo(original);
        PhotoProcessor.Result result = processor.process(original, work);
        Photo photo = keep(caller, complaintId, Ids.newId(), name, result, null);
        metrics.succeeded(DIRECT, file.getSize(), Duration.ofNanos(System.nanoTime() - started));
        return view(photo);
      } finally {
        deleteTree(work);
      }
    } catch (Refused | PayloadTooLarge e) {
      metrics.failed(DIRECT, PhotoProblems.reason(e));
      throw e;
    } catch (ValidationFailed e) {
      metrics.failed(DIRECT, "name");
      throw e;
    } catch (IOException e) {
      metrics.failed(DIRECT, "error");
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      metrics.failed(DIRECT, "error");
      throw e;
    }
  }

  PresignResponse presign(Caller caller, UUID complaintId, PresignRequest request) {
    complaints.visible(caller, complaintId);
    metrics.attempted(PRESIGNED);
    try {
      String name = fileName(request.filename(), "filename");
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
          new Photo(
              Ids.newId(),
              complaintId,
              Photo.State.PENDING,
              name,
              type,
              request.contentLength(),
              0,
              0,
              null,
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
    } catch (Refused | PayloadTooLarge e) {
      metrics.failed(PRESIGNED, PhotoProblems.reason(e));
      throw e;
    } catch (ValidationFailed e) {
      metrics.failed(PRESIGNED, "name");
      throw e;
    }
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

  PhotoResponse confirm(Caller caller, UUID complaintId, UUID photoId) {
    complaints.visible(caller, complaintId);
    Photo pending =
        photos
            .find(complaintId, photoId)
            .filter(p -> p.state() == Photo.State.PENDING)
            .orElseThrow(() -> PhotoNotFound.pending(photoId));
    long started = System.nanoTime();
    try {
      if (pending.expiresAt() == null || !pending.expiresAt().isAfter(clock.instant())) {
        throw NotUploaded.expired(photoId);
      }
      long max = settings.maxFileSize().toBytes();
      OptionalLong size = storage.size(pending.uploadKey());
      if (size.isEmpty()) {
        throw NotUploaded.nothing(photoId);
      }
      if (size.getAsLong() > max) {
        throw PhotoProblems.tooLarge(max);
      }
      Path work = workFolder();
      try {
        Path original = work.resolve("original");
        if (!storage.copyTo(pending.uploadKey(), original, max)) {
          throw PhotoProblems.tooLarge(max);
        }
        PhotoProcessor.Result result = processor.process(original, work);
        Photo photo = keep(caller, complaintId, photoId, pending.fileName(), result, pending);
        storage.delete(List.of(pending.uploadKey()));
        metrics.succeeded(
            PRESIGNED, size.getAsLong(), Duration.ofNanos(System.nanoTime() - started));
        return view(photo);
      } finally {
        deleteTree(work);
      }
    } catch (Refused | PayloadTooLarge e) {
      // A confirm uses up its presign, whatever the outcome: the client asks for a new one. The
      // row stays (void) until the link expires, because S3 still accepts PUTs to it until then
      // and the clean-up must find what they leave.
      storage.delete(List.of(pending.uploadKey()));
      photos.voidPending(pending.id());
      metrics.failed(PRESIGNED, PhotoProblems.reason(e));
      throw e;
    } catch (IOException e) {
      metrics.failed(PRESIGNED, "error");
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      metrics.failed(PRESIGNED, "error");
      throw e;
    }
  }

  List<PhotoResponse> list(Caller caller, UUID complaintId) {
    complaints.visible(caller, complaintId);
    return photos.ready(complaintId).stream().map(this::view).toList();
  }

  PhotoResponse get(Caller caller, UUID complaintId, UUID photoId) {
    complaints.visible(caller, complaintId);
    return view(ready(complaintId, photoId));
  }

  void delete(Caller caller, UUID complaintId, UUID photoId) {
    complaints.visible(caller, complaintId);
    Photo photo = ready(complaintId, photoId);
    if (!caller.isAdmin() && !caller.key().equals(photo.addedBy())) {
      throw AccessDenied.because("Only an admin or whoever added a photo may delete it");
    }
    tx.executeWithoutResult(
        s -> {
          Complaint after =
              complaints.recordPhotoChange(
                  caller, complaintId, "photo_removed", photoId.toString());
          if (!photos.delete(photoId)) {
            throw PhotoNotFound.forId(photoId);
          }
          events.publishEvent(new PhotoRemoved(after, photoId, caller.staffId()));
        });
    storage.delete(List.of(photo.fullKey(), photo.thumbnailKey()));
  }

  /** Removes presigned uploads that expired without a confirm, with whatever was uploaded. */
  int cleanUpExpired() {
    // A PUT that began just before the link expired may still be writing; give it a minute.
    return cleanUpExpired(Duration.ofMinutes(1));
  }

  int cleanUpExpired(Duration grace) {
    Instant before = clock.instant().minus(grace);
    int removed = 0;
    List<Photo> batch;
    do {
      batch = photos.expiredPending(before, 200);
      for (Photo photo : batch) {
        discard(photo);
        removed++;
      }
    } while (batch.size() == 200);
    if (removed > 0) {
      log.info("Removed {} expired presigned photo uploads", removed);
    }
    return removed;
  }

  /** Everything stored for these complaints, which are gone already. */
  void forget(List<UUID> complaintIds) {
    for (UUID id : complaintIds) {
      storage.deleteAll(id + "/");
    }
  }

  PhotoResponse view(Photo photo) {
    return new PhotoResponse(
        photo.id(),
        photo.complaintId(),
        storage.readUrl(photo.fullKey()),
        storage.readUrl(photo.thumbnailKey()),
        photo.fileName(),
        photo.fileSize(),
        photo.mimeType(),
        photo.width(),
        photo.height(),
        photo.createdAt());
  }

  /**
   * Stores the processed files, then records the photo with its history entry and event in one
   * transaction. The complaint's row is locked first, so the count cannot race another upload.
   */
  private Photo keep(
      Caller caller,
      UUID complaintId,
      UUID photoId,
      String name,
      PhotoProcessor.Result result,
      @Nullable Photo pending)
      throws IOException {
    Photo photo =
        new Photo(
            photoId,
            complaintId,
            Photo.State.READY,
            name,
            result.mimeType(),
            result.size(),
            result.width(),
            result.height(),
            result.sha256(),
            pending == null ? caller.key() : pending.addedBy(),
            clock.instant(),
            null);
    List<String> keys = List.of(photo.fullKey(), photo.thumbnailKey());
    boolean kept = false;
    try {
      storage.put(photo.fullKey(), result.full(), result.mimeType());
      storage.put(photo.thumbnailKey(), result.thumbnail(), result.mimeType());
      tx.executeWithoutResult(
          s -> {
            Complaint after =
                complaints.recordPhotoChange(
                    caller, complaintId, "photo_added", photoId.toString());
            if (pending == null) {
              if (photos.countActive(complaintId, photo.createdAt())
                  >= settings.maxPerComplaint()) {
                throw LimitReached.of(settings.maxPerComplaint());
              }
              photos.insert(photo);
            } else {
              if (photos.countReady(complaintId) >= settings.maxPerComplaint()) {
                throw LimitReached.of(settings.maxPerComplaint());
              }
              if (!photos.markReady(photo)) {
                throw NotUploaded.expired(photoId);
              }
            }
            events.publishEvent(new PhotoAdded(after, photoId, caller.staffId()));
          });
      kept = true;
    } finally {
      if (!kept) {
        storage.delete(keys);
      }
    }
    return photo;
  }

  private Photo ready(UUID complaintId, UUID photoId) {
    return photos
        .find(complaintId, photoId)
        .filter(p -> p.state() == Photo.State.READY)
        .orElseThrow(() -> PhotoNotFound.forId(photoId));
  }

  private void discard(Photo unconfirmed) {
    storage.delete(List.of(unconfirmed.uploadKey()));
    photos.deleteUnconfirmed(unconfirmed.id());
  }

  /**
   * A client's file name, kept only to be shown back. It never becomes a path; a name with folders
   * or control characters is refused rather than silently changed, since no honest client sends
   * one.
   */
  static String fileName(@Nullable String given, String field) {
    if (given == null || given.isBlank()) {
      return "photo";
    }
    String name = given.strip();
    boolean plain =
        name.length() <= 255
            && !name.contains("/")
            && !name.contains("\\")
            && !name.equals(".")
            && !name.equals("..")
            && name.chars().noneMatch(c -> c < 0x20 || c == 0x7F);
    if (!plain) {
      throw ValidationFailed.of(
          field,
          "must be a plain file name of at most 255 characters, without folders or control"
              + " characters");
    }
    return name;
  }

  private Path workFolder() throws IOException {
    return Files.createTempDirectory(workRoot, "photo-");
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> tree = Files.walk(folder)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      log.warn("Could not remove temporary photo folder {}", folder, e);
    }
  }

  /** A file of the local store, if the link to it is genuine and current. */
  Path localFile(String key, long expires, String signature) {
    LocalPhotoStorage local = local();
    if (!local.mayRead(key, expires, signature)) {
      throw PhotoProblems.BadLink.invalidOrExpired();
    }
    Path file = local.file(key);
    if (!Files.isRegularFile(file)) {
      throw PhotoNotFound.noFile();
    }
    return file;
  }

  /**
   * Takes the body of a presigned PUT to the local store, held to the type and length the link was
   * signed for; what does not fit is not kept.
   */
  void receive(
      String key,
      String type,
      long length,
      long expires,
      String signature,
      @Nullable String contentType,
      long contentLength,
      InputStream body)
      throws IOException {
    LocalPhotoStorage local = local();
    if (!local.mayWrite(key, type, length, expires, signature)) {
      throw PhotoProblems.BadLink.invalidOrExpired();
    }
    String sent =
        contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!sent.equals(type)) {
      throw UnsupportedType.notAsPresigned(type);
    }
    if (contentLength > length) {
      throw PayloadTooLarge.of("The body for this upload link", length);
    }
    UUID complaintId = UUID.fromString(key.substring(0, 36));
    UUID photoId = UUID.fromString(key.substring(37, 73));
    if (!awaitsUpload(complaintId, photoId)) {
      throw PhotoNotFound.pending(photoId);
    }
    long received = local.receive(key, body, length);
    if (received < 0) {
      throw PayloadTooLarge.of("The body for this upload link", length);
    }
    if (received < length) {
      local.delete(List.of(key));
      throw PhotoProblems.IncompleteUpload.shorterThan(length);
    }
  }

  private LocalPhotoStorage local() {
    if (storage instanceof LocalPhotoStorage local) {
      return local;
    }
    throw PhotoNotFound.noFile();
  }
}
