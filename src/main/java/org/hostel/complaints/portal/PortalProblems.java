package org.hostel.complaints.portal;

import org.hostel.complaints.web.ApiException;
import org.springframework.http.HttpStatus;

/** Failures of the public pages, each a problem document with a stable type. */
final class PortalProblems {

  private PortalProblems() {}

  /** 404: an unknown, revoked or spam-marked tracking link; the portal switched off. */
  static final class NotFound extends ApiException {
    NotFound(String detail) {
      super(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }
  }

  static NotFound unknownLink() {
    return new NotFound("This link is not valid (any more)");
  }

  /** 400: a form the service did not serve, sent too fast, or filled in by a robot. */
  static final class Refused extends ApiException {
    Refused(String detail) {
      super(HttpStatus.BAD_REQUEST, "report-refused", "Report refused", detail);
    }
  }

  /** 403: the source was marked as spam recently. */
  static final class Blocked extends ApiException {
    Blocked() {
      super(
          HttpStatus.FORBIDDEN,
          "source-blocked",
          "Source blocked",
          "Reports from this network are refused for now; ask the hostel office");
    }
  }

  /** 428: over the soft limit, a report needs the page's proof of work. */
  static final class ProofRequired extends ApiException {
    ProofRequired(int bits) {
      super(
          HttpStatus.PRECONDITION_REQUIRED,
          "proof-required",
          "Proof of work required",
          "Many reports came from this network: the page must prove work ("
              + bits
              + " zero bits of SHA-256 over stamp:proof); with JavaScript on, send the form again");
    }
  }

  /** 409: the answer does not fit the complaint's state (not resolved, not closed, rated). */
  static final class NotNow extends ApiException {
    NotNow(String detail) {
      super(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }
  }
}
