package org.hostel.complaints.photo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hostel.complaints.photo.PhotoProblems.BadLink;
import org.hostel.complaints.photo.PhotoProblems.PhotoNotFound;
import org.hostel.complaints.photo.PhotoProblems.UnsupportedType;
import org.hostel.complaints.web.PayloadTooLarge;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The local store's signed links, present only with that store: GET serves a stored image to a
 * browser, PUT takes a presigned upload. No bearer token is needed (see {@link PhotoConfig}): the
 * signature is the credential.
 */
@RestController
@ConditionalOnProperty(name = PhotoConfig.STORAGE, havingValue = "local", matchIfMissing = true)
class LocalPhotoController {

  private final LocalPhotoStorage store;
  private final UploadService uploads;
  private final Clock clock;

  LocalPhotoController(LocalPhotoStorage store, UploadService uploads, Clock clock) {
    this.store = store;
    this.uploads = uploads;
    this.clock = clock;
  }

  @Operation(
      summary = "Photo file (signed link)",
      description =
          "The image behind a signed link from the photo answers; needs no token, only a valid `expires` and `signature`.")
  @SecurityRequirements
  @GetMapping(LocalPhotoStorage.PATH + "{complaintId}/{photoId}/{name}")
  ResponseEntity<Resource> file(
      @PathVariable String complaintId,
      @PathVariable String photoId,
      @PathVariable String name,
      @RequestParam long expires,
      @RequestParam String signature,
      WebRequest request) {
    String key = complaintId + "/" + photoId + "/" + name;
    if (!store.mayRead(key, expires, signature)) {
      throw BadLink.invalidOrExpired();
    }
    Path file = store.file(key);
    if (!Files.isRegularFile(file)) {
      throw PhotoNotFound.noFile();
    }
    // Keys are never reused, so the key names the content.
    String etag = "\"" + photoId + "-" + name + "\"";
    CacheControl cache =
        CacheControl.maxAge(
                Duration.ofSeconds(Math.max(0, expires - clock.instant().getEpochSecond())))
            .cachePrivate()
            .immutable();
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
    }
    return ResponseEntity.ok()
        .contentType(name.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
        .eTag(etag)
        .cacheControl(cache)
        .body(new FileSystemResource(file));
  }

  /**
   * Takes the body of a presigned PUT, held to the type and length the link was signed for; what
   * does not fit is not kept.
   */
  @Operation(
      summary = "Presigned upload target (local storage)",
      description =
          "Where a presigned PUT goes when photos are stored on the local disk; the body must have the type and length the link was signed for.")
  @SecurityRequirements
  @PutMapping(LocalPhotoStorage.PATH + "{complaintId}/{photoId}/upload")
  ResponseEntity<Void> upload(
      @PathVariable String complaintId,
      @PathVariable String photoId,
      @RequestParam String type,
      @RequestParam long length,
      @RequestParam long expires,
      @RequestParam String signature,
      HttpServletRequest request)
      throws IOException {
    String key = complaintId + "/" + photoId + "/upload";
    if (!store.mayWrite(key, type, length, expires, signature)) {
      throw BadLink.invalidOrExpired();
    }
    String sent =
        request.getContentType() == null
            ? ""
            : request.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!sent.equals(type)) {
      throw UnsupportedType.notAsPresigned(type);
    }
    if (request.getContentLengthLong() > length) {
      throw PayloadTooLarge.of("The body for this upload link", length);
    }
    // The signature vouches for the key, so both are ids.
    UUID photo = UUID.fromString(photoId);
    if (!uploads.awaitsUpload(UUID.fromString(complaintId), photo)) {
      throw PhotoNotFound.pending(photo);
    }
    long received = store.receive(key, request.getInputStream(), length);
    if (received < 0) {
      throw PayloadTooLarge.of("The body for this upload link", length);
    }
    if (received < length) {
      store.delete(List.of(key));
      throw PhotoProblems.IncompleteUpload.shorterThan(length);
    }
    return ResponseEntity.ok().build();
  }
}
