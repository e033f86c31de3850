package org.hostel.complaints.staff;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.ValidationFailed;
import org.springframework.stereotype.Service;

/**
 * What an admin does to other staff accounts: list them, switch them off and on, reset passwords.
 */
@Service
class StaffAdministration {

  private final StaffRepository staff;
  private final Passwords passwords;
  private final Clock clock;
  private final Audit audit;

  StaffAdministration(StaffRepository staff, Passwords passwords, Clock clock, Audit audit) {
    this.staff = staff;
    this.passwords = passwords;
    this.clock = clock;
    this.audit = audit;
  }

  List<StaffMember> listAll(Caller caller) {
    requireAdmin(caller, "Only admins may list staff accounts");
    return staff.listAll();
  }

  /**
   * Deactivates or reactivates an account. A deactivated account cannot log in and its tokens stop
   * working at once; tokens from before a deactivation stay dead after a reactivation. Admins
   * cannot deactivate themselves, so one active admin always remains.
   */
  StaffMember setActive(Caller caller, UUID id, boolean active) {
    requireAdmin(caller, "Only admins may change staff accounts");
    if (!active && caller.is(id)) {
      throw ValidationFailed.of("active", "you cannot deactivate your own account");
    }
    StaffMember member =
        staff
            .findById(id)
            .map(StaffRepository.Account::member)
            .orElseThrow(() -> StaffProblems.StaffNotFound.forId(id));
    if (member.active() != active) {
      staff.setActive(id, active, cutOff());
      audit.record(
          active ? "staff.reactivated" : "staff.deactivated",
          caller.staffId(),
          null,
          LoginService.label(member),
          active ? null : "every session signed out");
    }
    return new StaffMember(
        member.id(),
        member.fullName(),
        member.email(),
        member.phone(),
        member.role(),
        active,
        member.createdAt());
  }

  /** Sets a new password chosen by an admin and signs out every session of that account. */
  void resetPassword(Caller caller, UUID id, String replacement) {
    requireAdmin(caller, "Only admins may reset passwords");
    StaffMember member =
        staff
            .findById(id)
            .map(StaffRepository.Account::member)
            .orElseThrow(() -> StaffProblems.StaffNotFound.forId(id));
    String weakness = PasswordPolicy.problemWith(replacement);
    if (weakness != null) {
      throw ValidationFailed.of("new_password", weakness);
    }
    staff.updatePassword(id, passwords.hash(replacement), cutOff());
    audit.record(
        "password.reset_by_admin",
        caller.staffId(),
        null,
        LoginService.label(member),
        "every session signed out");
  }

  /**
   * Token issue times have whole seconds, so a cut-off at the next second is the only one that also
   * kills a token issued earlier in this same second. A new login works a moment later.
   */
  private long cutOff() {
    return clock.instant().getEpochSecond() + 1;
  }

  private static void requireAdmin(Caller caller, String why) {
    if (!caller.isAdmin()) {
      throw AccessDenied.because(why);
    }
  }
}
