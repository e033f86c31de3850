package org.hostel.complaints.accounts;

import org.hostel.complaints.web.ApiException;
import org.springframework.http.HttpStatus;

/** Failures of the accounts feature, each with a stable problem type. */
final class AccountProblems {

  private AccountProblems() {}

  /** An invitation or reset link that is unknown, expired, used, revoked or stale. */
  static final class LinkInvalid extends ApiException {
    LinkInvalid(String detail) {
      super(HttpStatus.BAD_REQUEST, "link-invalid", "Link not valid", detail);
    }
  }

  static final class NotFound extends ApiException {
    NotFound(String detail) {
      super(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }
  }

  static final class Conflict extends ApiException {
    Conflict(String type, String title, String detail) {
      super(HttpStatus.CONFLICT, type, title, detail);
    }
  }

  /** A wrong or reused second-factor code, or an unknown pending login. */
  static final class CodeRejected extends ApiException {
    CodeRejected(String detail) {
      super(HttpStatus.UNAUTHORIZED, "code-rejected", "Code rejected", detail);
    }
  }

  static final class MailOff extends ApiException {
    MailOff() {
      super(
          HttpStatus.CONFLICT,
          "mail-not-configured",
          "Mail is not configured",
          "This needs e-mail: set SPRING_MAIL_HOST, COMPLAINTS_MAIL_FROM and"
              + " COMPLAINTS_PUBLIC_BASE_URL, or create the account with a password instead");
    }
  }
}
