package org.hostel.complaints.complaint;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * How much a complaint matters to the office, set by staff; separate from the reporter's {@link
 * Severity}, from which it is first taken. Sets the SLA targets.
 */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT;

  @JsonValue
  public String value() {
    return name().toLowerCase();
  }

  @Override
  public String toString() {
    return value();
  }

  /** The priority a new complaint starts with: high, medium and low become high, normal, low. */
  static Priority from(Severity severity) {
    return switch (severity) {
      case HIGH -> HIGH;
      case MEDIUM -> NORMAL;
      case LOW -> LOW;
    };
  }

  public static Priority fromValue(String value) {
    return valueOf(value.strip().toUpperCase());
  }

  static String names() {
    return String.join(", ", Arrays.stream(values()).map(Priority::value).toList());
  }
}
