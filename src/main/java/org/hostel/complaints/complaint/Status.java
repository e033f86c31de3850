package org.hostel.complaints.complaint;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * Where a complaint is in its life. Which status may follow which, and for whom, is {@link
 * ComplaintPolicy}'s to say; a new status is one line here, its moves in the policy's table and the
 * storage's {@code CHECK} constraint.
 */
public enum Status {
  REPORTED(false),
  IN_PROGRESS(false),
  /** Waiting on parts or on access to the room, with a reason; the SLA clock is paused. */
  ON_HOLD(false),
  RESOLVED(true),
  CLOSED(true);

  private final boolean finished;

  Status(boolean finished) {
    this.finished = finished;
  }

  @JsonValue
  public String value() {
    return name().toLowerCase();
  }

  @Override
  public String toString() {
    return value();
  }

  /**
   * Resolved and closed complaints are done with: purge only ever removes these, and statistics
   * count the others as open.
   */
  public boolean isFinished() {
    return finished;
  }

  /** The statuses still being worked on, in their order. */
  static List<Status> open() {
    return Arrays.stream(values()).filter(s -> !s.finished).toList();
  }

  static List<Status> finished() {
    return Arrays.stream(values()).filter(s -> s.finished).toList();
  }

  /** The statuses as they travel, for messages that list them. */
  static String names() {
    return String.join(", ", Arrays.stream(values()).map(Status::value).toList());
  }

  static Status fromValue(String value) {
    return valueOf(value.toUpperCase());
  }
}
