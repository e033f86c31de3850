package org.hostel.complaints.photo;

import java.util.UUID;
import org.hostel.complaints.complaint.Complaint;
import org.jspecify.annotations.Nullable;

/**
 * A photo was deleted from a complaint.
 *
 * @param complaint the complaint after the change, for routing to those who may see it
 * @param removedBy the staff member who deleted it, absent for the integration
 */
public record PhotoRemoved(Complaint complaint, UUID photoId, @Nullable UUID removedBy) {}
