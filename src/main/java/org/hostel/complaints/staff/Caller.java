package org.hostel.complaints.staff;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who sent the current request: a staff member with a token, or the trusted integration.
 *
 * @param kind admin, porter or integration
 * @param staffId the staff member, absent for the integration
 * @param tokenId the {@code jti} of the presented staff token
 * @param tokenExpiresAt when that token expires
 */
public record Caller(
    Kind kind, @Nullable UUID staffId, @Nullable String tokenId, @Nullable Instant tokenExpiresAt) {

  /** The three kinds of caller the contract knows. */
  public enum Kind {
    ADMIN,
    PORTER,
    INTEGRATION
  }

  public static Caller integration() {
    return new Caller(Kind.INTEGRATION, null, null, null);
  }

  public boolean isAdmin() {
    return kind == Kind.ADMIN;
  }

  public boolean isPorter() {
    return kind == Kind.PORTER;
  }

  public boolean isIntegration() {
    return kind == Kind.INTEGRATION;
  }

  public boolean isStaff() {
    return staffId != null;
  }

  public boolean is(@Nullable UUID staff) {
    return staffId != null && staffId.equals(staff);
  }

  /** A stable key for per-caller state such as idempotency keys and rate limits. */
  public String key() {
    return staffId == null ? "integration" : staffId.toString();
  }
}
