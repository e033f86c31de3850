package org.hostel.complaints.complaint;

import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

/** Why a complaint waits: required to put it on hold, forgotten when it leaves hold. */
final class HoldReason {

  static final int MAX_LENGTH = 500;

  private HoldReason() {}

  /** The reason a complaint moving to {@code target} keeps (422 when on hold without one). */
  static @Nullable String forMove(Status target, @Nullable String reason) {
    if (target != Status.ON_HOLD) {
      return null;
    }
    if (reason == null || reason.isBlank()) {
      throw ValidationFailed.of("reason", "is required to put a complaint on hold");
    }
    String text = reason.strip();
    if (text.length() > MAX_LENGTH) {
      throw ValidationFailed.of("reason", "must be at most " + MAX_LENGTH + " characters");
    }
    return text;
  }
}
