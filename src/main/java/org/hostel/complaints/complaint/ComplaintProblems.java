package org.hostel.complaints.complaint;

import java.util.List;
import java.util.UUID;
import org.hostel.complaints.web.ApiException;
import org.springframework.http.HttpStatus;

/** Failures of complaint operations, each with a stable title. */
public final class ComplaintProblems {

  private ComplaintProblems() {}

  /** 404 for an unknown complaint and for one the caller may not see. */
  public static final class ComplaintNotFound extends ApiException {
    private ComplaintNotFound(String detail) {
      super(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ComplaintNotFound forId(UUID id) {
      return new ComplaintNotFound("No complaint " + id);
    }

    public static ComplaintNotFound forReference(String reference) {
      String shown = reference.length() > 40 ? reference.substring(0, 40) + "…" : reference;
      return new ComplaintNotFound("No complaint " + shown);
    }
  }

  static final class IllegalTransition extends ApiException {
    private IllegalTransition(String detail) {
      super(HttpStatus.BAD_REQUEST, "illegal-transition", "Illegal status change", detail);
    }

    static IllegalTransition of(Status from, Status to, List<Status> legal) {
      String allowed =
          legal.isEmpty()
              ? "a " + from + " complaint cannot change"
              : "from "
                  + from
                  + " it can move to "
                  + String.join(" or ", legal.stream().map(Status::value).sorted().toList());
      return new IllegalTransition("Cannot move from " + from + " to " + to + ": " + allowed);
    }

    static IllegalTransition finalStatus(Status status) {
      return new IllegalTransition("A " + status + " complaint cannot change");
    }
  }

  static final class StaleVersion extends ApiException {
    private StaleVersion(String detail) {
      super(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition failed", detail);
    }

    static StaleVersion weakTag() {
      return new StaleVersion(
          "If-Match needs the strong ETag the complaint was read with; a weak tag (W/...) never"
              + " matches");
    }

    static StaleVersion of(long current) {
      return new StaleVersion(
          "The complaint has changed since it was read (its ETag is now \"" + current + "\")");
    }
  }

  static final class Conflict extends ApiException {
    private Conflict(String detail) {
      super(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    static Conflict idempotencyKeyReused() {
      return new Conflict("This Idempotency-Key was already used with a different request body");
    }

    static Conflict alreadyMerged(UUID master) {
      return new Conflict("The complaint is already merged into " + master);
    }

    static Conflict busy() {
      return new Conflict("The complaint kept changing while this change was applied; try again");
    }
  }

  /** 422 for a merge or unmerge the complaints do not allow (itself, a cycle, a final one). */
  static final class MergeRefused extends ApiException {
    private MergeRefused(String detail) {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "merge-refused", "Merge refused", detail);
    }

    static MergeRefused of(String detail) {
      return new MergeRefused(detail);
    }
  }

  /** 422 for an action only open complaints allow. */
  static final class NotOpen extends ApiException {
    private NotOpen(String detail) {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "not-open", "Not open", detail);
    }

    static NotOpen of(String detail) {
      return new NotOpen(detail);
    }
  }
}
