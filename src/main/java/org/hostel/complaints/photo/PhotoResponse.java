package org.hostel.complaints.photo;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo as clients see it; the URLs are signed and expire ({@link PhotoSettings#linkTtl()}).
 *
 * @param fileSize bytes of the stored image
 * @param mimeType type of the stored image and its thumbnail
 */
record PhotoResponse(
    UUID id,
    UUID complaintId,
    String fileUrl,
    String thumbnailUrl,
    String fileName,
    long fileSize,
    String mimeType,
    int width,
    int height,
    Instant createdAt) {

  static PhotoResponse of(Photo photo, PhotoStorage storage) {
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
}
