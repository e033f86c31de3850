package org.hostel.complaints.complaint;

import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.jspecify.annotations.Nullable;

/**
 * Who may see and change what, in one place. Admins: everything. The integration: reads every
 * complaint, changes none. A porter: sees complaints assigned to them and unassigned ones, may take
 * an unassigned one, and moves only their own. What a caller may not see does not exist for them
 * (404); what they see but may not change is 403.
 */
final class ComplaintAccess {

  private ComplaintAccess() {}

  static boolean canSee(Caller caller, Complaint complaint) {
    return switch (caller.kind()) {
      case ADMIN, INTEGRATION -> true;
      case PORTER ->
          complaint.assignedPorterId() == null || caller.is(complaint.assignedPorterId());
    };
  }

  /** The porter whose view a list is limited to, or null for an unrestricted list. */
  static @Nullable UUID listScope(Caller caller) {
    return caller.isPorter() ? caller.staffId() : null;
  }

  static void checkMayChange(Caller caller) {
    if (caller.isIntegration()) {
      throw AccessDenied.because("Integrations may not change status or assignment");
    }
  }

  static void checkStatusChange(Caller caller, Complaint complaint, Status target) {
    checkMayChange(caller);
    if (target == Status.CLOSED && !caller.isAdmin()) {
      throw AccessDenied.because("Only an admin may close a complaint");
    }
    if (caller.isPorter() && !caller.is(complaint.assignedPorterId())) {
      throw AccessDenied.because("Porters may only move complaints assigned to them");
    }
  }

  static void checkAssignment(Caller caller, Complaint complaint, @Nullable UUID target) {
    checkMayChange(caller);
    if (caller.isAdmin()) {
      return;
    }
    if (target == null || !caller.is(target)) {
      throw AccessDenied.because("Porters may only assign complaints to themselves");
    }
    if (complaint.assignedPorterId() != null && !caller.is(complaint.assignedPorterId())) {
      throw AccessDenied.because("The complaint is already assigned");
    }
  }

  static void checkHistory(Caller caller) {
    if (!caller.isStaff()) {
      throw AccessDenied.because("Only staff may read the history");
    }
  }

  static void checkAssignments(Caller caller) {
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins may read assignment records");
    }
  }

  static void checkPurge(Caller caller) {
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins may purge complaints");
    }
  }
}
