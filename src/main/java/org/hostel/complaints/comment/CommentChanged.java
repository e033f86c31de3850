package org.hostel.complaints.comment;

import org.hostel.complaints.complaint.Complaint;

/**
 * A comment was written ({@code edited} false) or edited on a complaint; published in the
 * transaction that stores it.
 *
 * @param authorName the author's display name as the API shows it
 */
public record CommentChanged(
    Complaint complaint, Comment comment, String authorName, boolean edited) {}
