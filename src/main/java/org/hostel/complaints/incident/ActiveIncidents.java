package org.hostel.complaints.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What residents may see of the incidents declared for a hostel before they describe their problem:
 * only the title, the public message and the ETA, nothing internal.
 */
@Component
public class ActiveIncidents {

  private static final DateTimeFormatter ETA =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final IncidentRepository incidents;

  ActiveIncidents(IncidentRepository incidents) {
    this.incidents = incidents;
  }

  /** One active incident as residents see it. */
  public record Notice(String title, String message, @Nullable Instant eta) {

    /** The ETA for people, e.g. "2026-12-02 16:00 UTC"; empty without one. */
    public String etaText() {
      return eta == null ? "" : ETA.format(eta);
    }
  }

  /** The active incidents covering any part of this hostel, newest first. */
  public List<Notice> in(String hostel) {
    return incidents.list("active", hostel).stream()
        .map(i -> new Notice(i.title(), i.message(), i.eta()))
        .toList();
  }
}
