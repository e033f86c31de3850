package org.hostel.complaints.photo;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored photo row. While {@code pending} (presigned, not yet confirmed) the type and size are
 * the declared ones and {@code expiresAt} is set; once {@code ready} they describe the stored
 * image.
 *
 * @param addedBy {@link org.hostel.complaints.staff.Caller#key()} of whoever added it
 */
record Photo(
    UUID id,
    UUID complaintId,
    State state,
    String fileName,
    String mimeType,
    long fileSize,
    int width,
    int height,
    @Nullable String sha256,
    String addedBy,
    Instant createdAt,
    @Nullable Instant expiresAt) {

  /**
   * Presigned and awaited; stored and listed; or refused at confirm, awaiting its link's expiry.
   */
  enum State {
    PENDING,
    READY,
    VOID
  }

  /** Where everything of one photo is kept; ids only, never a client's file name. */
  static String folder(UUID complaintId, UUID photoId) {
    return complaintId + "/" + photoId + "/";
  }

  static String uploadKey(UUID complaintId, UUID photoId) {
    return folder(complaintId, photoId) + "upload";
  }

  String uploadKey() {
    return uploadKey(complaintId, id);
  }

  String fullKey() {
    return folder(complaintId, id) + "full." + extension(mimeType);
  }

  String thumbnailKey() {
    return folder(complaintId, id) + "thumb." + extension(mimeType);
  }

  static String extension(String mimeType) {
    return mimeType.equals("image/png") ? "png" : "jpg";
  }
}
