/**
 * Comments on complaints: public ones, which reach the reporter through {@link
 * org.hostel.complaints.complaint.ReporterUpdate}, and internal notes for the staff who may see the
 * complaint. Who may read and write which is {@link
 * org.hostel.complaints.complaint.ComplaintPolicy}'s to say.
 */
@NullMarked
package org.hostel.complaints.comment;

import org.jspecify.annotations.NullMarked;
