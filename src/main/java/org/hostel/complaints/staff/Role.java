package org.hostel.complaints.staff;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a staff member may do: admins everything, porters their own work. */
public enum Role {
  ADMIN,
  PORTER;

  @JsonValue
  public String value() {
    return name().toLowerCase();
  }

  @Override
  public String toString() {
    return value();
  }
}
