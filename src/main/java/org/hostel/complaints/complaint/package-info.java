/**
 * Complaints: submission, the status machine, assignment, history, visibility, figures and purge.
 * {@link org.hostel.complaints.complaint.ComplaintPolicy} holds the rules of who may see and do
 * what; other features ask it rather than repeat them.
 */
@NullMarked
package org.hostel.complaints.complaint;

import org.jspecify.annotations.NullMarked;
