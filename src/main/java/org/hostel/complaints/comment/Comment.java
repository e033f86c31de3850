package org.hostel.complaints.comment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored comment. Its text is plain text: clients show it as text, never as markup.
 *
 * @param authorId the staff member who wrote it, null for the integration writing for the reporter
 * @param internal an internal note, for staff only; otherwise a public comment
 */
public record Comment(
    UUID id,
    UUID complaintId,
    @Nullable UUID authorId,
    boolean internal,
    String body,
    Instant createdAt,
    @Nullable Instant editedAt) {

  public String visibility() {
    return internal ? "internal" : "public";
  }
}
