package org.hostel.complaints.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of the audit log.
 *
 * @param id increasing number of the row
 * @param at when it happened
 * @param actorId the staff member who acted, when known
 * @param actor how the actor was named (an e-mail address, a login name as typed, "integration")
 * @param action what happened, e.g. {@code login.failed}
 * @param target what it happened to (an account, an address, a session)
 * @param detail more, in words (counts, the role given); never a password or a token
 * @param address the client address of the request
 * @param requestId the request's {@code X-Request-Id}
 */
public record AuditEntry(
    long id,
    Instant at,
    @Nullable UUID actorId,
    @Nullable String actor,
    String action,
    @Nullable String target,
    @Nullable String detail,
    @Nullable String address,
    @Nullable String requestId) {}
