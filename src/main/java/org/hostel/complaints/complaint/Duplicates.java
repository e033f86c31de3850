package org.hostel.complaints.complaint;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The complaints merged into a master, for readers outside this module (its comments). */
@Component
public class Duplicates {

  private final DuplicateRepository duplicates;

  Duplicates(DuplicateRepository duplicates) {
    this.duplicates = duplicates;
  }

  /** The duplicates of {@code master}; empty when none were merged into it. */
  public List<UUID> of(UUID master) {
    return duplicates.duplicates(List.of(master)).getOrDefault(master, List.of());
  }
}
