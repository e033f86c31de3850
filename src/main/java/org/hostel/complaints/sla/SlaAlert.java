package org.hostel.complaints.sla;

import java.time.Instant;
import org.hostel.complaints.complaint.Complaint;

/**
 * An escalation, published once (recorded in {@code sla_alerts}) in the transaction that records
 * it: a {@code warning} for the assignee when 80 % of a target has passed, a {@code breach} for the
 * admins when it is missed (again at most once a day while it stays missed). Channels listen.
 *
 * @param target {@code response} or {@code resolution}
 * @param level {@code warning} or {@code breach}
 */
public record SlaAlert(Complaint complaint, String target, String level, Instant dueAt) {

  public boolean isBreach() {
    return level.equals("breach");
  }
}
