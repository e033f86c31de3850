package org.hostel.complaints.web;

import org.springframework.http.HttpStatus;

/** 413: the body is larger than this endpoint accepts. */
public final class PayloadTooLarge extends ApiException {

  private PayloadTooLarge(String detail) {
    super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", detail);
  }

  public static PayloadTooLarge overLimit(long limitBytes) {
    return new PayloadTooLarge("The request body is larger than " + limitBytes + " bytes");
  }
}
