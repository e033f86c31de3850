package org.hostel.complaints.complaint;

/**
 * A new complaint makes a repeat fault: {@code count} complaints of its category in its room (or
 * wing) within {@code days} days. Published in the submission's transaction, so alerts to admins
 * are stored with it.
 *
 * @param wing true when counted over the wing (a shared facility), false for the room
 */
public record RepeatFault(Complaint complaint, int count, int days, boolean wing) {}
