package org.hostel.complaints.realtime;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hostel.complaints.comment.Comment;
import org.hostel.complaints.comment.CommentChanged;
import org.hostel.complaints.complaint.AssignmentChanged;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.ComplaintPolicy;
import org.hostel.complaints.complaint.ComplaintSubmitted;
import org.hostel.complaints.complaint.NotAutoAssigned;
import org.hostel.complaints.complaint.Priority;
import org.hostel.complaints.complaint.PriorityChanged;
import org.hostel.complaints.complaint.Severity;
import org.hostel.complaints.complaint.Status;
import org.hostel.complaints.complaint.StatusChanged;
import org.hostel.complaints.photo.PhotoAdded;
import org.hostel.complaints.photo.PhotoProcessed;
import org.hostel.complaints.photo.PhotoRemoved;
import org.hostel.complaints.sla.SlaAlert;
import org.hostel.complaints.staff.LoggedOut;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns committed complaint changes into dashboard messages for those who may see the complaint, as
 * {@link ComplaintPolicy#audience} says. A reassignment also reaches the porter who just lost the
 * complaint, so their dashboard drops it. Runs only after the commit, so nobody hears of a write
 * that was rolled back.
 */
@Component
class DashboardEvents {

  private final Fanout fanout;
  private final ComplaintPolicy policy;
  private final JsonMapper json;
  private final Clock clock;

  DashboardEvents(Fanout fanout, ComplaintPolicy policy, JsonMapper json, Clock clock) {
    this.fanout = fanout;
    this.policy = policy;
    this.json = json;
    this.clock = clock;
  }

  record Envelope(String eventType, Instant timestamp, Object data) {}

  /**
   * {@code createdBy}: the staff member who entered it (so they get no toast), null for the bot.
   */
  record NewComplaint(
      UUID id, String hostel, String category, Severity severity, @Nullable UUID createdBy) {}

  record StatusUpdate(
      UUID complaintId, Status oldStatus, Status newStatus, @Nullable UUID updatedBy) {}

  record AssignmentUpdate(UUID complaintId, @Nullable UUID assignedTo, @Nullable UUID assignedBy) {}

  @TransactionalEventListener
  void submitted(ComplaintSubmitted event) {
    Complaint c = event.complaint();
    publish(
        c,
        null,
        "new_complaint",
        new NewComplaint(c.id(), c.hostel(), c.category(), c.severity(), c.createdBy()));
  }

  @TransactionalEventListener
  void statusChanged(StatusChanged event) {
    Complaint c = event.complaint();
    publish(
        c,
        null,
        "status_update",
        new StatusUpdate(c.id(), event.oldStatus(), event.newStatus(), event.updatedBy()));
  }

  @TransactionalEventListener
  void assignmentChanged(AssignmentChanged event) {
    Complaint c = event.complaint();
    publish(
        c,
        event.previous(),
        "assignment_update",
        new AssignmentUpdate(c.id(), event.assignedTo(), event.assignedBy()));
  }

  record PriorityUpdate(
      UUID complaintId, Priority oldPriority, Priority newPriority, @Nullable UUID updatedBy) {}

  @TransactionalEventListener
  void priorityChanged(PriorityChanged event) {
    Complaint c = event.complaint();
    publish(
        c,
        null,
        "priority_update",
        new PriorityUpdate(c.id(), event.oldPriority(), event.newPriority(), event.changedBy()));
  }

  record SlaAlertData(
      UUID complaintId, String reference, String target, String level, Instant dueAt) {}

  /** A warning reaches whoever may see the complaint; a breach the admins only. */
  @TransactionalEventListener
  void slaAlert(SlaAlert event) {
    Complaint c = event.complaint();
    String message =
        json.writeValueAsString(
            new Envelope(
                "sla_alert",
                clock.instant(),
                new SlaAlertData(
                    c.id(), c.reference(), event.target(), event.level(), event.dueAt())));
    ComplaintPolicy.Audience audience =
        event.isBreach() ? new ComplaintPolicy.Audience(false, Set.of()) : policy.audience(c);
    fanout.publish(new Broadcast(audience.everyPorter(), List.copyOf(audience.porters()), message));
  }

  record AssignmentNeeded(UUID complaintId, String reference, String reason) {}

  /** Assignment rules found nobody for a new complaint: the admins are told. */
  @TransactionalEventListener
  void notAutoAssigned(NotAutoAssigned event) {
    Complaint c = event.complaint();
    String message =
        json.writeValueAsString(
            new Envelope(
                "assignment_needed",
                clock.instant(),
                new AssignmentNeeded(c.id(), c.reference(), event.reason())));
    fanout.publish(new Broadcast(false, List.of(), message));
  }

  record PhotoChange(UUID complaintId, UUID photoId, @Nullable UUID by) {}

  @TransactionalEventListener(fallbackExecution = true)
  void photoAdded(PhotoAdded event) {
    Complaint c = event.complaint();
    publish(c, null, "photo_added", new PhotoChange(c.id(), event.photoId(), event.addedBy()));
  }

  record PhotoOutcome(UUID complaintId, UUID photoId, String state) {}

  /** A photo's background processing ended: {@code photo_ready}, or {@code photo_failed}. */
  @TransactionalEventListener(fallbackExecution = true)
  void photoProcessed(PhotoProcessed event) {
    Complaint c = event.complaint();
    String state = event.ready() ? "ready" : "failed";
    publish(c, null, "photo_" + state, new PhotoOutcome(c.id(), event.photoId(), state));
  }

  @TransactionalEventListener(fallbackExecution = true)
  void photoRemoved(PhotoRemoved event) {
    Complaint c = event.complaint();
    publish(c, null, "photo_removed", new PhotoChange(c.id(), event.photoId(), event.removedBy()));
  }

  /**
   * A comment written or edited; every socket is a staff member's, so internal notes reach exactly
   * the staff who may see the complaint.
   */
  record CommentUpdate(
      UUID complaintId,
      UUID id,
      @Nullable UUID authorId,
      String authorName,
      String body,
      String visibility,
      Instant createdAt,
      @Nullable Instant editedAt) {}

  @TransactionalEventListener
  void commentChanged(CommentChanged event) {
    Comment c = event.comment();
    publish(
        event.complaint(),
        null,
        event.edited() ? "comment_edited" : "comment_added",
        new CommentUpdate(
            c.complaintId(),
            c.id(),
            c.authorId(),
            event.authorName(),
            c.body(),
            c.visibility(),
            c.createdAt(),
            c.editedAt()));
  }

  /** The logout is committed by then; its sockets close on every instance. */
  @TransactionalEventListener(fallbackExecution = true)
  void loggedOut(LoggedOut event) {
    fanout.revoke(event.tokenId());
  }

  private void publish(Complaint complaint, @Nullable UUID alsoTo, String type, Object data) {
    String message = json.writeValueAsString(new Envelope(type, clock.instant(), data));
    ComplaintPolicy.Audience audience = policy.audience(complaint).and(alsoTo);
    fanout.publish(new Broadcast(audience.everyPorter(), List.copyOf(audience.porters()), message));
  }
}
