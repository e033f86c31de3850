package org.hostel.complaints.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which rows of the audit log to read.
 *
 * @param action an exact action ({@code login.failed}) or a prefix ending in a dot ({@code login.})
 * @param actor a staff id, or text the actor's name contains (case-insensitive)
 * @param from rows at or after this instant
 * @param to rows before this instant
 */
public record AuditFilter(
    @Nullable String action,
    @Nullable String actor,
    @Nullable Instant from,
    @Nullable Instant to) {}
