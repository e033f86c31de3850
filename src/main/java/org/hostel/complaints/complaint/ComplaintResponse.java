package org.hostel.complaints.complaint;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A complaint as clients see it; {@code complaint_id} repeats the id for the reporter bot. */
record ComplaintResponse(
    UUID id,
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
    Instant updatedAt) {

  static ComplaintResponse of(Complaint c, List<String> photoUrls) {
    return new ComplaintResponse(
        c.id(),
        c.telegramUserId(),
        c.hostel(),
        c.wing(),
        c.roomNumber(),
        c.category(),
        c.description(),
        c.severity(),
        c.status(),
        c.assignedPorterId(),
        photoUrls,
        c.createdAt(),
        c.updatedAt());
  }

  @JsonProperty("complaint_id")
  UUID complaintId() {
    return id;
  }
}
