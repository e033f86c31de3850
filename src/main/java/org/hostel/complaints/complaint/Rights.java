package org.hostel.complaints.complaint;

import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;

/**
 * Who may use the office's tools around complaints, by role alone: history, figures, export,
 * merging, incidents and purge. Who may see, move or assign one complaint is {@link
 * ComplaintPolicy}'s.
 */
final class Rights {

  private Rights() {}

  static void history(Caller caller) {
    allow(caller.isStaff(), "Only staff may read the history");
  }

  static void figures(Caller caller) {
    allow(caller.isStaff(), "Only staff may read complaint figures");
  }

  static void assignments(Caller caller) {
    allow(caller.isAdmin(), "Only admins may read assignment records");
  }

  static void export(Caller caller) {
    allow(caller.isStaff(), "Only staff may export complaints");
  }

  /** Whether an export for the caller carries who reported (admins only). */
  static boolean seesReporters(Caller caller) {
    return caller.isAdmin();
  }

  /**
   * Merging closes a duplicate from any open status, outside the status machine (an unmerge gives
   * its status back): staff who see both may; {@link Complaint.Change#closeAsDuplicate} checks the
   * rest.
   */
  static void merge(Caller caller) {
    allow(caller.isStaff(), "Only staff may merge or unmerge complaints");
  }

  static void incidentLink(Caller caller) {
    allow(caller.isAdmin(), "Only admins may link complaints to incidents");
  }

  static void purge(Caller caller) {
    allow(caller.isAdmin(), "Only admins may purge complaints");
  }

  private static void allow(boolean allowed, String refusal) {
    if (!allowed) {
      throw AccessDenied.because(refusal);
    }
  }
}
