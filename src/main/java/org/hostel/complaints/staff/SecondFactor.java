package org.hostel.complaints.staff;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The second step of a login, provided by the accounts feature: after a right password, an account
 * with a second factor (or one whose role must have one) gets a short-lived pending token instead
 * of a session, and trades it with a code for the session.
 */
public interface SecondFactor {

  /** What a password login answers instead of a token. */
  record Challenge(String mfaToken, boolean enrollmentRequired) {}

  /**
   * A passed second step.
   *
   * @param staffId whose login it completes
   * @param recoveryCodes the new recovery codes when the step also finished an enrolment
   */
  record Completed(UUID staffId, java.util.@Nullable List<String> recoveryCodes) {}

  /** The challenge this member must pass, or null when the password is enough. */
  @Nullable Challenge challenge(StaffMember member);

  /**
   * Checks a code (or a recovery code) against a pending login and uses the pending token up.
   *
   * @return the staff member the login is for
   * @throws org.hostel.complaints.web.ApiException for an unknown, expired or used token (401), a
   *     wrong code (401) or too many attempts (429)
   */
  Completed complete(String mfaToken, @Nullable String code, @Nullable String recoveryCode);
}
