package org.hostel.complaints.photo;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 * The local store's signed links: GET serves a stored image to a browser, PUT takes a presigned
 * upload. No bearer token is needed (see {@link PhotoConfig}): the signature is the credential.
 */
@RestController
class PhotoFileController {

  private final PhotoService photos;
  private final Clock clock;

  PhotoFileController(PhotoService photos, Clock clock) {
    this.photos = photos;
    this.clock = clock;
  }

  @GetMapping(LocalPhotoStorage.PATH + "{complaintId}/{photoId}/{name}")
  ResponseEntity<Resource> file(
      @PathVariable String complaintId,
      @PathVariable String photoId,
      @PathVariable String name,
      @RequestParam long expires,
      @RequestParam String signature,
      WebRequest request) {
    String key = complaintId + "/" + photoId + "/" + name;
    Path file = photos.localFile(key, expires, signature);
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
    photos.receive(
        complaintId + "/" + photoId + "/upload",
        type,
        length,
        expires,
        signature,
        request.getContentType(),
        request.getContentLengthLong(),
        request.getInputStream());
    return ResponseEntity.ok().build();
  }
}
