package org.hostel.complaints.staff;

import java.util.List;
import java.util.UUID;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.ApiException;
import org.hostel.complaints.web.ValidationFailed;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removing an account for good, for accounts made by mistake or by a load test: only a deactivated
 * account, and only one without history, so that no complaint or history entry is left naming
 * someone who no longer exists. Everyone else stays deactivated.
 */
@Service
class StaffRemoval {

  private final StaffRepository staff;
  private final List<StaffReferences> references;
  private final TransactionTemplate tx;
  private final Audit audit;

  StaffRemoval(
      StaffRepository staff,
      List<StaffReferences> references,
      TransactionTemplate tx,
      Audit audit) {
    this.staff = staff;
    this.references = references;
    this.tx = tx;
    this.audit = audit;
  }

  void remove(Caller caller, UUID id) {
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins may remove staff accounts");
    }
    if (caller.is(id)) {
      throw ValidationFailed.of("id", "You cannot remove your own account");
    }
    tx.executeWithoutResult(
        status -> {
          StaffMember member =
              staff
                  .findById(id)
                  .map(StaffRepository.Account::member)
                  .orElseThrow(() -> StaffProblems.StaffNotFound.forId(id));
          if (member.active()) {
            throw InUse.because("Deactivate the account before removing it");
          }
          if (references.stream().anyMatch(r -> r.refersTo(id))) {
            throw InUse.because(
                "The account has history (complaints assigned, entered or changed); it stays"
                    + " deactivated");
          }
          staff.delete(id);
          audit.record("staff.removed", caller.staffId(), null, LoginService.label(member), null);
        });
  }

  static final class InUse extends ApiException {
    private InUse(String detail) {
      super(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    static InUse because(String detail) {
      return new InUse(detail);
    }
  }
}
