package org.hostel.complaints.complaint;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A complaint as one caller sees it: {@code allowed_transitions} and {@code can_assign} say what
 * that caller may do with it now. {@code complaint_id} repeats the id for the reporter bot; {@code
 * reference} is the short one people type ({@code C-1042}); {@code rating} the reporter's 1-5 stars
 * once given. {@code duplicate_of} is the complaint this one was merged into; {@code duplicates}
 * the complaints merged into this one (their photos are listed in its {@code photo_urls} too).
 */
record ComplaintResponse(
    UUID id,
    String reference,
    @Nullable String telegramUserId,
    String hostel,
    String wing,
    String roomNumber,
    String category,
    String description,
    Severity severity,
    Status status,
    @Nullable UUID assignedPorterId,
    List<String> photoUrls,
    Instant createdAt,
    Instant updatedAt,
    List<Status> allowedTransitions,
    boolean canAssign,
    @Nullable Integer rating,
    @Nullable UUID duplicateOf,
    List<UUID> duplicates,
    @Nullable UUID incidentId,
    boolean repeat,
    @Nullable Integer repeatOfCount) {

  @JsonProperty("complaint_id")
  UUID complaintId() {
    return id;
  }
}
