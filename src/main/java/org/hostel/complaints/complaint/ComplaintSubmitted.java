package org.hostel.complaints.complaint;

/** A new complaint was stored. */
public record ComplaintSubmitted(Complaint complaint) {}
