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
  /** A comment was written: {@code from} its visibility, {@code to} its id. */
  COMMENT,
  /** A comment was edited: {@code from} its earlier text, {@code to} its id. */
  COMMENT_EDITED,
  /** The priority changed: {@code from} and {@code to} are priorities. */
  PRIORITY,
  /** Why the complaint was put on hold: {@code to} is the reason. */
  HOLD,
  /** Closed as a duplicate: {@code from} the status it had, {@code to} the master's id. */
  MERGED,
  /** A merge undone: {@code from} the master's id, {@code to} the status given back. */
  UNMERGED,
  /** An assignment rule chose the assignee: {@code from} the rule's name. */
  RULE,
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
