package org.hostel.complaints.complaint;

import java.util.UUID;
import org.hostel.complaints.staff.Caller;

/**
 * Links one complaint to an incident and tells its reporter, with every check: implemented by the
 * incident module (absent without it), used by bulk actions.
 */
public interface IncidentLinker {

  /**
   * @throws org.hostel.complaints.web.ApiException when the caller may not, the complaint is not
   *     visible or not open, or the incident is unknown or over
   */
  Complaint link(Caller caller, UUID complaintId, UUID incidentId);
}
