package org.hostel.complaints.complaint;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A complaint moved from one status to another.
 *
 * @param complaint the complaint after the change
 * @param updatedBy the staff member who moved it
 */
public record StatusChanged(
    Complaint complaint, Status oldStatus, Status newStatus, @Nullable UUID updatedBy) {}
