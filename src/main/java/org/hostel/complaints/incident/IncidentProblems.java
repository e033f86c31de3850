package org.hostel.complaints.incident;

import java.util.UUID;
import org.hostel.complaints.web.ApiException;
import org.springframework.http.HttpStatus;

/** Failures of incident operations. */
final class IncidentProblems {

  private IncidentProblems() {}

  static final class IncidentNotFound extends ApiException {
    IncidentNotFound(UUID id) {
      super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No incident " + id);
    }
  }

  static final class IncidentOver extends ApiException {
    IncidentOver(UUID id) {
      super(
          HttpStatus.CONFLICT,
          "incident-resolved",
          "Incident resolved",
          "Incident " + id + " is resolved; it changes no more");
    }
  }

  static final class Busy extends ApiException {
    Busy() {
      super(
          HttpStatus.CONFLICT,
          "conflict",
          "Conflict",
          "The incident kept changing while this change was applied; try again");
    }
  }
}
