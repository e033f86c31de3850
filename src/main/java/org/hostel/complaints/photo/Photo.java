package org.hostel.complaints.photo;

import java.time.Instant;
import java.util.UUID;
import org.hostel.complaints.storage.Ids;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

/**
 * A stored photo row. While {@code pending} (presigned, not yet confirmed) the type and size are
 * the declared ones and {@code expiresAt} is set; while {@code processing} they describe the
 * checked original; once {@code ready} they describe the stored image.
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
   * Presigned and awaited; accepted, its original waiting to be processed; stored; found
   * undecodable while processing; or refused at confirm, awaiting its link's expiry.
   */
  enum State {
    PENDING,
    PROCESSING,
    READY,
    FAILED,
    VOID;

    /** Whether clients see photos in this state: accepted ones, whatever became of them. */
    boolean listed() {
      return this == PROCESSING || this == READY || this == FAILED;
    }
  }

  /** A presigned upload awaited until {@code expiresAt}, as its client declared it. */
  static Photo pending(
      UUID complaintId,
      String fileName,
      String mimeType,
      long fileSize,
      String addedBy,
      Instant at,
      Instant expiresAt) {
    return new Photo(
        Ids.newId(),
        complaintId,
        State.PENDING,
        fileName,
        mimeType,
        fileSize,
        0,
        0,
        null,
        addedBy,
        at,
        expiresAt);
  }

  /** An accepted photo whose checked original waits to be processed. */
  static Photo processing(
      UUID id,
      UUID complaintId,
      String fileName,
      PhotoProcessor.Checked original,
      long size,
      String addedBy,
      Instant at) {
    return new Photo(
        id,
        complaintId,
        State.PROCESSING,
        fileName,
        "image/" + original.format().readerName,
        size,
        (int) original.width(),
        (int) original.height(),
        null,
        addedBy,
        at,
        null);
  }

  /** This photo, described by what processing made of it. */
  Photo ready(PhotoProcessor.Result stored) {
    return new Photo(
        id,
        complaintId,
        State.READY,
        fileName,
        stored.mimeType(),
        stored.size(),
        stored.width(),
        stored.height(),
        stored.sha256(),
        addedBy,
        createdAt,
        null);
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

  /** The upload as checked, kept until it is processed. */
  String originalKey() {
    return folder(complaintId, id) + "original";
  }

  String fullKey() {
    return fullKey(complaintId, id, mimeType);
  }

  static String fullKey(UUID complaintId, UUID photoId, String mimeType) {
    return folder(complaintId, photoId) + "full." + extension(mimeType);
  }

  String thumbnailKey() {
    return folder(complaintId, id) + "thumb." + extension(mimeType);
  }

  /**
   * A client's file name, kept only to be shown back. It never becomes a path; a name with folders
   * or control characters is refused rather than silently changed, since no honest client sends
   * one.
   */
  static String displayName(@Nullable String given, String field) {
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

  static String extension(String mimeType) {
    return mimeType.equals("image/png") ? "png" : "jpg";
  }
}
