package org.hostel.complaints.complaint;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored complaint. {@code version} grows by one with every change and is the {@code ETag}. */
public record Complaint(
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
    @Nullable UUID createdBy,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  Complaint withStatus(Status next) {
    return new Complaint(
        id,
        telegramUserId,
        hostel,
        wing,
        roomNumber,
        category,
        description,
        severity,
        next,
        assignedPorterId,
        createdBy,
        version,
        createdAt,
        updatedAt);
  }

  Complaint withAssignee(@Nullable UUID porter) {
    return new Complaint(
        id,
        telegramUserId,
        hostel,
        wing,
        roomNumber,
        category,
        description,
        severity,
        status,
        porter,
        createdBy,
        version,
        createdAt,
        updatedAt);
  }

  Complaint touched(Instant at) {
    return new Complaint(
        id,
        telegramUserId,
        hostel,
        wing,
        roomNumber,
        category,
        description,
        severity,
        status,
        assignedPorterId,
        createdBy,
        version + 1,
        createdAt,
        at);
  }
}
