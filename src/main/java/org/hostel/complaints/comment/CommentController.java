package org.hostel.complaints.comment;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/complaints/{id}/comments")
class CommentController {

  private final CommentService comments;

  CommentController(CommentService comments) {
    this.comments = comments;
  }

  record CommentRequest(@Nullable String body, @Nullable String visibility) {}

  record EditRequest(@Nullable String body) {}

  /**
   * A comment as the API shows it; {@code body} is plain text, to be shown as text. {@code
   * editable_until} is when its author's edit window closes.
   */
  record CommentResponse(
      UUID id,
      UUID complaintId,
      @Nullable UUID authorId,
      String authorName,
      String body,
      String visibility,
      Instant createdAt,
      @Nullable Instant editedAt,
      Instant editableUntil) {

    static CommentResponse of(CommentService.Named named) {
      Comment c = named.comment();
      return new CommentResponse(
          c.id(),
          c.complaintId(),
          c.authorId(),
          named.authorName(),
          c.body(),
          c.visibility(),
          c.createdAt(),
          c.editedAt(),
          c.createdAt().plus(CommentService.EDIT_WINDOW));
    }
  }

  @Operation(
      summary = "Read a complaint's comments",
      description =
          "Oldest first. Staff who may see the complaint get public comments and internal notes; the integration gets public comments only. A complaint the caller may not see is 404.")
  @GetMapping
  List<CommentResponse> list(Caller caller, @PathVariable UUID id) {
    return comments.list(caller, id).stream().map(CommentResponse::of).toList();
  }

  @Operation(
      summary = "Comment on a complaint",
      description =
          "`{body, visibility}`: `body` is plain text of 1–5000 characters (trimmed; shown as text, never as markup), `visibility` `public` (the reporter hears of it when a staff member writes it) or `internal` (staff only). The integration writes public comments for the reporter (author_name `Reporter`). Answers 201 with the comment; a complaint the caller may not see is 404.")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CommentResponse add(Caller caller, @PathVariable UUID id, @RequestBody CommentRequest body) {
    return CommentResponse.of(comments.add(caller, id, body.body(), body.visibility()));
  }

  @Operation(
      summary = "Edit a comment",
      description =
          "`{body}`: its author rewrites a comment within 10 minutes of writing it (409 after); the earlier text stays in the complaint's history (`comment_edited`). Others are 403.")
  @PatchMapping("/{commentId}")
  CommentResponse edit(
      Caller caller,
      @PathVariable UUID id,
      @PathVariable UUID commentId,
      @RequestBody EditRequest body) {
    return CommentResponse.of(comments.edit(caller, id, commentId, body.body()));
  }
}
