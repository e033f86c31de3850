package org.hostel.complaints.photo;

import java.util.UUID;
import org.hostel.complaints.complaint.Complaint;
import org.jspecify.annotations.Nullable;

/**
 * A photo was added to a complaint; published in the adding transaction, so after-commit listeners
 * see only photos that stay.
 *
 * @param complaint the complaint after the change, for routing to those who may see it
 * @param addedBy the staff member who added it, absent for the integration
 */
public record PhotoAdded(Complaint complaint, UUID photoId, @Nullable UUID addedBy) {}
