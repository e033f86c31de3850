/**
 * Automatic assignment: rules that map a hostel (and optionally a category) to a porter or a team;
 * a new complaint goes, in its submit's transaction, to the on-duty member with the fewest open
 * complaints.
 */
@NullMarked
package org.hostel.complaints.assignment;

import org.jspecify.annotations.NullMarked;
