package org.hostel.complaints.web;

import java.io.IOException;

/** Raised from inside a request body stream once it passes its limit. */
final class BodyTooLargeException extends IOException {

  private final long limit;

  BodyTooLargeException(long limit) {
    super("Request body over " + limit + " bytes");
    this.limit = limit;
  }

  long limit() {
    return limit;
  }
}
