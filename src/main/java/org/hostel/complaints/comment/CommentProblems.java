package org.hostel.complaints.comment;

import java.util.UUID;
import org.hostel.complaints.web.ApiException;
import org.springframework.http.HttpStatus;

/** Failures of comment operations, each with a stable title. */
final class CommentProblems {

  private CommentProblems() {}

  /** 404 for an unknown comment and for an internal note the caller may not read. */
  static final class CommentNotFound extends ApiException {
    CommentNotFound(UUID id) {
      super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No comment " + id);
    }
  }

  /** 409: the edit window is over, or another edit got in first. */
  static final class CommentLocked extends ApiException {
    private CommentLocked(String detail) {
      super(HttpStatus.CONFLICT, "comment-locked", "Comment cannot be edited", detail);
    }

    static CommentLocked windowOver(long minutes) {
      return new CommentLocked(
          "A comment can be edited for " + minutes + " minutes after it was written");
    }

    static CommentLocked changed() {
      return new CommentLocked("The comment was edited at the same time; read it and try again");
    }
  }
}
