package org.hostel.complaints.staff;

import java.util.UUID;

/**
 * Whether records outside the staff feature name a staff member (as assignee, author or actor).
 * Features that keep such records implement it, so an account is removed only when nothing would be
 * left pointing at nobody.
 */
public interface StaffReferences {

  boolean refersTo(UUID staffId);
}
