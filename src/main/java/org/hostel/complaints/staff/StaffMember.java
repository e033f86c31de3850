package org.hostel.complaints.staff;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A staff account as other features see it (never with its password hash). */
public record StaffMember(
    UUID id,
    String fullName,
    @Nullable String email,
    @Nullable String phone,
    Role role,
    boolean active,
    Instant createdAt) {}
