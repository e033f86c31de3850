package org.hostel.complaints.complaint;

import java.util.List;
import java.util.UUID;

/** Finished complaints were removed for good; their photos must go too. */
public record ComplaintsPurged(List<UUID> ids) {}
