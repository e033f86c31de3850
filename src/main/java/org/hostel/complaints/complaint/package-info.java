/** Complaints: submission, the status machine, assignment, history, visibility and purge. */
@NullMarked
package org.hostel.complaints.complaint;

import org.jspecify.annotations.NullMarked;
