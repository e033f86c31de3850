package org.hostel.complaints.complaint;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Staff changed a complaint's priority.
 *
 * @param complaint the complaint after the change
 */
public record PriorityChanged(
    Complaint complaint, Priority oldPriority, Priority newPriority, @Nullable UUID changedBy) {}
