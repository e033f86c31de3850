package org.hostel.complaints.assignment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An assignment rule: complaints in {@code hostel} (and {@code category}, or any when null) go to
 * one of {@code porterIds}: the porter, or the team. {@code version} is its ETag.
 */
record Rule(
    UUID id,
    String name,
    String hostel,
    @Nullable String category,
    List<UUID> porterIds,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
