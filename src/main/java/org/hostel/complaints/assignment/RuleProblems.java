package org.hostel.complaints.assignment;

import java.util.UUID;
import org.hostel.complaints.web.ApiException;
import org.springframework.http.HttpStatus;

/** Failures of rule operations, each with a stable title. */
final class RuleProblems {

  private RuleProblems() {}

  static final class RuleNotFound extends ApiException {
    RuleNotFound(UUID id) {
      super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No assignment rule " + id);
    }
  }

  static final class StaleRule extends ApiException {
    StaleRule(String detail) {
      super(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition failed", detail);
    }
  }

  static final class RuleConflict extends ApiException {
    RuleConflict() {
      super(
          HttpStatus.CONFLICT,
          "conflict",
          "Conflict",
          "Another rule has this name, or already covers this hostel and category");
    }
  }
}
