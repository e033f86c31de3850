package org.hostel.complaints.complaint;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/**
 * Where a complaint is in its life: {@code reported → in_progress}; {@code in_progress → resolved |
 * reported}; {@code resolved → closed | in_progress}; {@code closed} is final.
 */
public enum Status {
  REPORTED,
  IN_PROGRESS,
  RESOLVED,
  CLOSED;

  @JsonValue
  public String value() {
    return name().toLowerCase();
  }

  @Override
  public String toString() {
    return value();
  }

  public Set<Status> next() {
    return switch (this) {
      case REPORTED -> Set.of(IN_PROGRESS);
      case IN_PROGRESS -> Set.of(RESOLVED, REPORTED);
      case RESOLVED -> Set.of(CLOSED, IN_PROGRESS);
      case CLOSED -> Set.of();
    };
  }

  public boolean canMoveTo(Status target) {
    return next().contains(target);
  }

  /** Resolved and closed complaints are done with; purge only ever removes these. */
  public boolean isFinished() {
    return this == RESOLVED || this == CLOSED;
  }

  static Status fromValue(String value) {
    return valueOf(value.toUpperCase());
  }
}
