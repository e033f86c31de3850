package org.hostel.complaints.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A declared incident. {@code scope} lists where it applies: a hostel with no wings is the whole
 * hostel. {@code version} grows with every change of what reporters are told.
 */
record Incident(
    UUID id,
    String title,
    String category,
    String message,
    @Nullable Instant eta,
    String status,
    List<Scope> scope,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  private static final DateTimeFormatter ETA =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** One hostel, and the wings in it (empty: all of it). */
  record Scope(String hostel, List<String> wings) {}

  boolean active() {
    return status.equals("active");
  }

  /** What a linked reporter is told, e.g. "Known problem: no water in Block B. ETA …". */
  String notice() {
    return "Known problem: "
        + title
        + ". "
        + message
        + (eta == null ? "" : " Expected to be fixed by " + ETA.format(eta) + ".");
  }
}
