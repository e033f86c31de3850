package org.hostel.complaints.comment;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The public comments of a complaint, for its reporter's own pages (the portal's tracking page):
 * never internal notes, and without authors' names.
 */
@Component
public class PublicComments {

  private final CommentRepository comments;

  PublicComments(CommentRepository comments) {
    this.comments = comments;
  }

  /** Oldest first. */
  public List<Comment> of(UUID complaintId) {
    return comments.forComplaint(complaintId, false);
  }
}
