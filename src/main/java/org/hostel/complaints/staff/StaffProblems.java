package org.hostel.complaints.staff;

import org.hostel.complaints.web.ApiException;
import org.springframework.http.HttpStatus;

/** Failures of account operations, each with a stable title. */
final class StaffProblems {

  private StaffProblems() {}

  static final class InvalidCredentials extends ApiException {
    InvalidCredentials() {
      super(
          HttpStatus.UNAUTHORIZED,
          "invalid-credentials",
          "Invalid credentials",
          "Unknown user name or wrong password");
    }
  }

  static final class ContactTaken extends ApiException {
    private ContactTaken(String detail) {
      super(HttpStatus.CONFLICT, "contact-taken", "Email or phone already registered", detail);
    }

    static ContactTaken of(String field) {
      return new ContactTaken("A staff member with this " + field + " already exists");
    }
  }

  static final class PasswordRejected extends ApiException {
    private PasswordRejected(String detail) {
      super(HttpStatus.BAD_REQUEST, "password-rejected", "Password rejected", detail);
    }

    static PasswordRejected because(String detail) {
      return new PasswordRejected(detail);
    }
  }

  static final class StaffNotFound extends ApiException {
    private StaffNotFound(String detail) {
      super(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    static StaffNotFound forId(Object id) {
      return new StaffNotFound("No staff member " + id);
    }
  }
}
