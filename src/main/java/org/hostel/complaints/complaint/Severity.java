package org.hostel.complaints.complaint;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent the reporter says the problem is. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH;

  @JsonValue
  public String value() {
    return name().toLowerCase();
  }

  @Override
  public String toString() {
    return value();
  }

  static Severity fromValue(String value) {
    return valueOf(value.toUpperCase());
  }
}
