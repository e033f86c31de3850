package org.hostel.complaints.complaint;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A complaint was assigned, reassigned or unassigned.
 *
 * @param complaint the complaint after the change
 * @param previous who had it before, if anyone; they may need to hear it is gone
 */
public record AssignmentChanged(
    Complaint complaint,
    @Nullable UUID previous,
    @Nullable UUID assignedTo,
    @Nullable UUID assignedBy) {}
