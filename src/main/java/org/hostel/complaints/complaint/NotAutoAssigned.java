package org.hostel.complaints.complaint;

/**
 * A new complaint that assignment rules could not give to anyone; admins are told.
 *
 * @param reason why, in a sentence
 */
public record NotAutoAssigned(Complaint complaint, String reason) {}
