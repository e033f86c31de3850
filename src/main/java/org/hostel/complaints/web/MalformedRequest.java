package org.hostel.complaints.web;

import org.springframework.http.HttpStatus;

/** 400: the request cannot be read at all (its bytes, encoding or syntax are broken). */
public final class MalformedRequest extends ApiException {

  private MalformedRequest(String detail) {
    super(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
  }

  public static MalformedRequest because(String detail) {
    return new MalformedRequest(detail);
  }

  /**
   * The container could not decode the query string or form body. Tomcat reports that from
   * whichever code first asks for a parameter, in a filter or a controller, as an unchecked
   * exception; it is the client's fault wherever it surfaces.
   */
  static @org.jspecify.annotations.Nullable MalformedRequest fromParameters(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof org.apache.tomcat.util.http.InvalidParameterException) {
        return because("The query string or form body is not valid URL encoding");
      }
      // Spring Security's firewall checks parameter names when they are first read, which for a
      // query bound to an object is while binding, inside the controller.
      if (t instanceof org.springframework.security.web.firewall.RequestRejectedException) {
        return because("The query string has a parameter name that is not allowed");
      }
    }
    return null;
  }
}
