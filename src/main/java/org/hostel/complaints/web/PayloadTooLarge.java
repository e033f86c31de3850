package org.hostel.complaints.web;

import org.springframework.http.HttpStatus;

/**
 * 413: more bytes than the limit that applies here. The one problem for every size limit (JSON
 * bodies, uploads, photos), so clients handle one type; the detail names the limit that was passed.
 */
public final class PayloadTooLarge extends ApiException {

  private PayloadTooLarge(String what, long limitBytes) {
    super(
        HttpStatus.CONTENT_TOO_LARGE,
        "payload-too-large",
        "Payload too large",
        what + " may be at most " + limitBytes + " bytes");
  }

  /** A JSON or form body over {@code COMPLAINTS_MAX_BODY_SIZE}. */
  public static PayloadTooLarge body(long limitBytes) {
    return new PayloadTooLarge("The request body", limitBytes);
  }

  /**
   * Something over its own limit.
   *
   * @param what what is limited, as the start of a sentence: {@code "A photo"}
   */
  public static PayloadTooLarge of(String what, long limitBytes) {
    return new PayloadTooLarge(what, limitBytes);
  }
}
