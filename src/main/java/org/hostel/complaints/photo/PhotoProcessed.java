package org.hostel.complaints.photo;

import java.util.UUID;
import org.hostel.complaints.complaint.Complaint;

/**
 * An accepted photo was processed in the background: its stored image and thumbnail are there
 * ({@code ready}), or its pixels turned out undecodable and it never will be. Published in the
 * transaction that records it, so after-commit listeners see only what stays.
 *
 * @param complaint the complaint, for routing to those who may see it
 */
public record PhotoProcessed(Complaint complaint, UUID photoId, boolean ready) {}
