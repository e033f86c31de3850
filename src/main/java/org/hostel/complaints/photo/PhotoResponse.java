package org.hostel.complaints.photo;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A photo as clients see it; the URLs are signed and expire ({@link PhotoSettings#linkTtl()}).
 *
 * @param state {@code processing} (accepted, the stored image is being made), {@code ready} or
 *     {@code failed} (its pixels could not be decoded)
 * @param fileUrl the stored image, once {@code ready}
 * @param thumbnailUrl its thumbnail, once {@code ready}
 * @param fileSize bytes of the stored image; of the upload until {@code ready}
 * @param mimeType type of the stored image and its thumbnail; of the upload until {@code ready}
 */
record PhotoResponse(
    UUID id,
    UUID complaintId,
    String state,
    @Nullable String fileUrl,
    @Nullable String thumbnailUrl,
    String fileName,
    long fileSize,
    String mimeType,
    int width,
    int height,
    Instant createdAt) {

  static PhotoResponse of(Photo photo, PhotoStorage storage) {
    boolean ready = photo.state() == Photo.State.READY;
    return new PhotoResponse(
        photo.id(),
        photo.complaintId(),
        photo.state().name().toLowerCase(Locale.ROOT),
        ready ? storage.readUrl(photo.fullKey()) : null,
        ready ? storage.readUrl(photo.thumbnailKey()) : null,
        photo.fileName(),
        photo.fileSize(),
        photo.mimeType(),
        photo.width(),
        photo.height(),
        photo.createdAt());
  }
}
