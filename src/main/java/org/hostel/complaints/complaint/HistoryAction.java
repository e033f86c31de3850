package org.hostel.complaints.complaint;

import org.jspecify.annotations.Nullable;

/** What one line of a complaint's history records, stored as its lower-case name. */
enum HistoryAction {
  CREATED,
  ASSIGNMENT,
  STATUS,
  PHOTO_ADDED,
  PHOTO_REMOVED,
  /** The reporter's answer to "Is it fixed?": {@code confirmed} or {@code reopened}. */
  REPORTER,
  /** Closed as a duplicate: {@code from} the status it had, {@code to} the master's id. */
  MERGED,
  /** A merge undone: {@code from} the master's id, {@code to} the status given back. */
  UNMERGED,
  /** Linked to an incident: {@code from} the incident before (if any), {@code to} the new one. */
  INCIDENT;

  String value() {
    return name().toLowerCase();
  }

  Entry entry(@Nullable String from, @Nullable String to) {
    return new Entry(this, from, to);
  }

  /** A line to append: the action and the values before and after it. */
  record Entry(HistoryAction action, @Nullable String from, @Nullable String to) {}
}
