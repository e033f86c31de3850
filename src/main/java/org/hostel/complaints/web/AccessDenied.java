package org.hostel.complaints.web;

import org.springframework.http.HttpStatus;

/** 403: the caller is known but may not do this. */
public final class AccessDenied extends ApiException {

  private AccessDenied(String detail) {
    super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
  }

  public static AccessDenied because(String detail) {
    return new AccessDenied(detail);
  }
}
