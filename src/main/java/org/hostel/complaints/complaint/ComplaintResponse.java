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
 * once given. {@code response_due_at} and {@code resolution_due_at} are the SLA targets (null
 * without a clock), {@code sla_paused} while on hold. {@code duplicate_of} is the complaint this
 * one was merged into; {@code duplicates} the complaints merged into this one (their photos are
 * listed in its {@code photo_urls} too); {@code channel} how it came in; {@code next_due_at} the
 * next open target (the response until staff acted, then the resolution; null once resolved).
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
    Priority priority,
    boolean canSetPriority,
    @Nullable String holdReason,
    @Nullable Instant responseDueAt,
    @Nullable Instant resolutionDueAt,
    SlaBreached slaBreached,
    boolean slaPaused,
    @Nullable UUID duplicateOf,
    List<UUID> duplicates,
    Channel channel,
    @Nullable Instant nextDueAt,
    @Nullable UUID incidentId,
    boolean repeat,
    @Nullable Integer repeatOfCount) {

  /** Whether each target was missed (or is being missed now). */
  record SlaBreached(boolean response, boolean resolution) {}

  @JsonProperty("complaint_id")
  UUID complaintId() {
    return id;
  }
}
