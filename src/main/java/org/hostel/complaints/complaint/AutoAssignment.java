package org.hostel.complaints.complaint;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Chooses who a new complaint goes to, in its submit's transaction. Implemented by the assignment
 * feature, which depends on this one; without it new complaints stay unassigned.
 */
public interface AutoAssignment {

  /**
   * The outcome for a new complaint in {@code hostel} and {@code category}.
   *
   * @param porter who gets it; null leaves it unassigned
   * @param rule the rule that chose, or null
   * @param unassignedBecause why nobody got it when admins should hear of it (rules are in use but
   *     none matched, or nobody of the team is on duty); null otherwise
   */
  record Pick(@Nullable UUID porter, @Nullable String rule, @Nullable String unassignedBecause) {}

  Pick pick(String hostel, String category);
}
