package org.hostel.complaints.photo;

import java.util.UUID;
import org.hostel.complaints.web.ApiException;
import org.hostel.complaints.web.PayloadTooLarge;
import org.springframework.http.HttpStatus;

/**
 * Why a photo was refused. Each carries the {@code reason} label it is counted under in {@code
 * photo_uploads_failed_total}; a photo that is too large is the web layer's one 413 problem.
 */
final class PhotoProblems {

  private PhotoProblems() {}

  /** A refusal the upload figures count. */
  abstract static class Refused extends ApiException {
    private final String reason;

    Refused(HttpStatus status, String type, String title, String detail, String reason) {
      super(status, type, title, detail);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  static PayloadTooLarge tooLarge(long limit) {
    return PayloadTooLarge.of("A photo", limit);
  }

  /** The reason a refusal is counted under; a photo over the size limit is {@code size}. */
  static String reason(ApiException refusal) {
    return refusal instanceof Refused refused ? refused.reason() : "size";
  }

  static final class UnsupportedType extends Refused {
    private UnsupportedType(String detail) {
      super(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "unsupported-media-type",
          "Unsupported media type",
          detail,
          "type");
    }

    static UnsupportedType ofContent() {
      return new UnsupportedType(
          "The file is not a JPEG, PNG, GIF or WebP image (judged by its content)");
    }

    static UnsupportedType declared(String type) {
      return new UnsupportedType(
          "content_type "
              + type
              + " is not accepted; use image/jpeg, image/png, image/gif or image/webp");
    }

    static UnsupportedType notAsPresigned(String expected) {
      return new UnsupportedType("This upload link was issued for Content-Type " + expected);
    }
  }

  static final class InvalidImage extends Refused {
    private InvalidImage(String detail, String reason) {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-image", "Invalid image", detail, reason);
    }

    static InvalidImage empty() {
      return new InvalidImage("The file is empty", "empty");
    }

    static InvalidImage undecodable() {
      return new InvalidImage("The image is damaged or incomplete and cannot be read", "decode");
    }

    static InvalidImage tooManyPixels(long width, long height, long max) {
      return new InvalidImage(
          "The image is "
              + width
              + " × "
              + height
              + " pixels; at most "
              + max
              + " pixels are accepted",
          "pixels");
    }
  }

  static final class LimitReached extends Refused {
    private LimitReached(String detail) {
      super(HttpStatus.CONFLICT, "too-many-photos", "Too many photos", detail, "limit");
    }

    static LimitReached of(int max) {
      return new LimitReached("A complaint may have at most " + max + " photos");
    }
  }

  static final class NotUploaded extends Refused {
    private NotUploaded(String detail, String reason) {
      super(HttpStatus.CONFLICT, "not-uploaded", "Not uploaded", detail, reason);
    }

    static NotUploaded nothing(UUID photoId) {
      return new NotUploaded(
          "Nothing was uploaded for photo " + photoId + "; the presigned upload is void",
          "missing");
    }

    static NotUploaded expired(UUID photoId) {
      return new NotUploaded(
          "The upload link of photo " + photoId + " expired before it was confirmed", "expired");
    }
  }

  static final class IncompleteUpload extends ApiException {
    private IncompleteUpload(String detail) {
      super(HttpStatus.BAD_REQUEST, "incomplete-upload", "Incomplete upload", detail);
    }

    static IncompleteUpload shorterThan(long expected) {
      return new IncompleteUpload(
          "The body is shorter than the " + expected + " bytes this link was issued for");
    }
  }

  static final class PhotoNotFound extends ApiException {
    private PhotoNotFound(String detail) {
      super(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    static PhotoNotFound forId(UUID id) {
      return new PhotoNotFound("No photo " + id + " on this complaint");
    }

    static PhotoNotFound noFile() {
      return new PhotoNotFound("No such photo file");
    }

    static PhotoNotFound pending(UUID id) {
      return new PhotoNotFound("No presigned upload " + id + " waits on this complaint");
    }
  }

  static final class BadLink extends ApiException {
    private BadLink(String detail) {
      super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    static BadLink invalidOrExpired() {
      return new BadLink("The link is invalid or has expired");
    }
  }
}
