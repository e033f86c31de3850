package org.hostel.complaints.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 401: no usable credentials. Never announces Basic, so browsers show no login dialog. */
public final class NotAuthenticated extends ApiException {

  private NotAuthenticated(String detail) {
    super(HttpStatus.UNAUTHORIZED, "not-authenticated", "Not authenticated", detail);
  }

  public static NotAuthenticated missingCredentials() {
    return new NotAuthenticated("A valid bearer token is required");
  }

  public static NotAuthenticated because(String detail) {
    return new NotAuthenticated(detail);
  }

  @Override
  public HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return headers;
  }
}
