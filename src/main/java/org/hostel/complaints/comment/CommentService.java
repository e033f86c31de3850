package org.hostel.complaints.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.ComplaintPolicy;
import org.hostel.complaints.complaint.ComplaintService;
import org.hostel.complaints.complaint.Duplicates;
import org.hostel.complaints.complaint.ReporterUpdate;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.staff.StaffService;
import org.hostel.complaints.storage.Ids;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes and reads comments. Each write runs in one transaction with its history line, its event
 * (the dashboard hears of it after the commit) and, for a public comment by staff, the {@link
 * ReporterUpdate} the reporter's channels send.
 */
@Service
class CommentService {

  static final int MAX_LENGTH = 5000;
  static final Duration EDIT_WINDOW = Duration.ofMinutes(10);

  /** The name shown for comments the integration writes for the reporter. */
  static final String REPORTER = "Reporter";

  private final CommentRepository comments;
  private final Duplicates duplicates;
  private final ComplaintService complaints;
  private final ComplaintPolicy policy;
  private final StaffService staff;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  CommentService(
      CommentRepository comments,
      Duplicates duplicates,
      ComplaintService complaints,
      ComplaintPolicy policy,
      StaffService staff,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock) {
    this.comments = comments;
    this.duplicates = duplicates;
    this.complaints = complaints;
    this.policy = policy;
    this.staff = staff;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  /** A comment with its author's name, for answers. */
  record Named(Comment comment, String authorName) {}

  /** A master's comments include those written on its duplicates (each says which). */
  List<Named> list(Caller caller, UUID complaintId) {
    Complaint complaint = complaints.visible(caller, complaintId);
    List<UUID> ids = new java.util.ArrayList<>(List.of(complaintId));
    ids.addAll(duplicates.of(complaintId));
    return named(comments.forComplaints(ids, policy.canReadInternalNotes(caller, complaint)));
  }

  Named add(Caller caller, UUID complaintId, @Nullable String body, @Nullable String visibility) {
    String text = checkedBody(body);
    boolean internal = internal(visibility);
    return Objects.requireNonNull(
        tx.execute(
            s -> {
              Complaint complaint = complaints.visible(caller, complaintId);
              policy.checkComment(caller, complaint, internal);
              Instant now = clock.instant();
              Comment comment =
                  new Comment(
                      Ids.newId(), complaintId, caller.staffId(), internal, text, now, null);
              comments.insert(comment);
              complaints.recordComment(
                  caller, complaint, comment.id(), comment.visibility(), null, now);
              Named named = named(List.of(comment)).getFirst();
              events.publishEvent(
                  new CommentChanged(complaint, comment, named.authorName(), false));
              if (!internal && caller.isStaff()) {
                events.publishEvent(
                    new ReporterUpdate(complaint, "comment", text, "comment:" + comment.id()));
              }
              return named;
            }));
  }

  Named edit(Caller caller, UUID complaintId, UUID commentId, @Nullable String body) {
    String text = checkedBody(body);
    return Objects.requireNonNull(
        tx.execute(
            s -> {
              Complaint complaint = complaints.visible(caller, complaintId);
              Comment before =
                  comments
                      .find(complaintId, commentId)
                      .filter(c -> !c.internal() || policy.canReadInternalNotes(caller, complaint))
                      .orElseThrow(() -> new CommentProblems.CommentNotFound(commentId));
              policy.checkCommentEdit(caller, before.authorId());
              Instant now = clock.instant();
              if (now.isAfter(before.createdAt().plus(EDIT_WINDOW))) {
                throw CommentProblems.CommentLocked.windowOver(EDIT_WINDOW.toMinutes());
              }
              if (before.body().equals(text)) {
                return named(List.of(before)).getFirst();
              }
              if (!comments.edit(commentId, before.body(), text, now)) {
                throw CommentProblems.CommentLocked.changed();
              }
              complaints.recordComment(
                  caller, complaint, commentId, before.visibility(), before.body(), now);
              Comment after =
                  new Comment(
                      before.id(),
                      complaintId,
                      before.authorId(),
                      before.internal(),
                      text,
                      before.createdAt(),
                      now);
              Named named = named(List.of(after)).getFirst();
              events.publishEvent(new CommentChanged(complaint, after, named.authorName(), true));
              return named;
            }));
  }

  private List<Named> named(List<Comment> list) {
    Set<UUID> authors = new HashSet<>();
    list.forEach(
        c -> {
          if (c.authorId() != null) authors.add(c.authorId());
        });
    Map<UUID, String> names = authors.isEmpty() ? Map.of() : staff.names(authors);
    return list.stream()
        .map(
            c ->
                new Named(
                    c,
                    c.authorId() == null
                        ? REPORTER
                        : names.getOrDefault(c.authorId(), "former staff")))
        .toList();
  }

  private static String checkedBody(@Nullable String body) {
    if (body == null || body.isBlank()) {
      throw ValidationFailed.of("body", "is required and must not be blank");
    }
    String text = body.strip();
    if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
      throw ValidationFailed.of("body", "must be at most " + MAX_LENGTH + " characters");
    }
    return text;
  }

  private static boolean internal(@Nullable String visibility) {
    if ("internal".equals(visibility)) {
      return true;
    }
    if ("public".equals(visibility)) {
      return false;
    }
    throw ValidationFailed.of("visibility", "must be public or internal");
  }
}
