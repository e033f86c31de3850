package org.hostel.complaints.complaint;

import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

/** The request headers complaint writes read, and the {@code ETag} their answers carry. */
final class ComplaintHeaders {

  private ComplaintHeaders() {}

  /** A complaint's entity tag is its version. */
  static String etag(Complaint complaint) {
    return "\"" + complaint.version() + "\"";
  }

  /**
   * The version an {@code If-Match} names; {@code *} or no header means any. A tag that is no
   * version of ours can match none, so it is answered as stale.
   */
  static @Nullable Long expectedVersion(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      // RFC 9110 13.1.1: If-Match uses the strong comparison, which a weak tag never passes.
      throw ComplaintProblems.StaleVersion.weakTag();
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  /** An {@code Idempotency-Key} as given, if it is one; 422 otherwise. */
  static @Nullable String idempotencyKey(@Nullable String key) {
    if (key != null && !key.matches("[\\x21-\\x7E]{1,255}")) {
      throw ValidationFailed.of("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
    }
    return key;
  }
}
