package org.hostel.complaints.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.staff.StaffService;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads complaints, lets the aggregate and {@link ComplaintPolicy} decide, saves and publishes.
 * Every write runs in one transaction and records its history; its events reach listeners only
 * after the commit.
 */
@Service
public class ComplaintService {

  private static final int MAX_ATTEMPTS = 5;

  private final ComplaintRepository complaints;
  private final HistoryRepository history;
  private final ComplaintPolicy policy;
  private final StaffService staff;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ObjectProvider<ServiceLevels> levels;

  ComplaintService(
      ComplaintRepository complaints,
      HistoryRepository history,
      ComplaintPolicy policy,
      StaffService staff,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock,
      ObjectProvider<ServiceLevels> levels) {
    this.complaints = complaints;
    this.history = history;
    this.policy = policy;
    this.staff = staff;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
    this.levels = levels;
  }

  /**
   * One request's changes, applied in this order: assignment (when {@code assign}), priority,
   * status (with its hold reason).
   */
  record Edit(
      @Nullable Status status,
      @Nullable String reason,
      boolean assign,
      @Nullable UUID assignee,
      @Nullable Priority priority) {

    static Edit status(Status status, @Nullable String reason) {
      return new Edit(status, reason, false, null, null);
    }
  }

  /** One entry of a complaint's history, with the actor's name resolved. */
  record HistoryEntry(
      UUID id,
      UUID complaintId,
      Instant at,
      @Nullable UUID actorId,
      String actorName,
      String action,
      @Nullable String from,
      @Nullable String to) {}

  /** The complaint, if the caller may see it; 404 otherwise. */
  public Complaint visible(Caller caller, UUID id) {
    return complaints
        .find(id)
        .filter(c -> policy.canSee(caller, c))
        .orElseThrow(() -> ComplaintProblems.ComplaintNotFound.forId(id));
  }

  /**
   * The complaint with this reference ({@code C-1042}), if the caller may see it; 404 otherwise,
   * and for text that is no reference at all.
   */
  public Complaint visibleByReference(Caller caller, String reference) {
    return Complaint.number(reference).stream()
        .mapToObj(complaints::findByNumber)
        .flatMap(Optional::stream)
        .filter(c -> policy.canSee(caller, c))
        .findFirst()
        .orElseThrow(() -> ComplaintProblems.ComplaintNotFound.forReference(reference));
  }

  /** The complaint with this reference number, if the caller may see it; never throws. */
  public Optional<Complaint> findVisible(Caller caller, long number) {
    return complaints.findByNumber(number).filter(c -> policy.canSee(caller, c));
  }

  /**
   * Moves a complaint for a caller outside HTTP (a staff member's button in a chat), every rule
   * checked as for the API. Check {@link ComplaintPolicy#allowedTransitions} first to answer a
   * refusal without an exception.
   */
  public Complaint move(Caller caller, UUID id, Status status) {
    return change(caller, id, Edit.status(status, null), null);
  }

  /**
   * Records a photo added to or removed from a complaint the caller may see, in one statement that
   * checks the visibility, moves the version and {@code updated_at} on and holds the row until the
   * commit (so photo counts checked afterwards cannot race), then appends the history line. Joins
   * the caller's transaction; the caller publishes its own event in it.
   *
   * @return the complaint after the change
   * @throws ComplaintProblems.ComplaintNotFound when there is none the caller may see
   */
  public Complaint recordPhoto(Caller caller, UUID complaintId, PhotoChange change, UUID photoId) {
    return tx.execute(
        s -> {
          Instant now = clock.instant();
          Complaint after =
              complaints
                  .touch(complaintId, now, policy.visibleTo(caller, "complaints"))
                  .orElseThrow(() -> ComplaintProblems.ComplaintNotFound.forId(complaintId));
          history.append(complaintId, now, caller.staffId(), change.entry(photoId));
          return after;
        });
  }

  /**
   * Records a comment written ({@code previousBody} null) or edited on the complaint in its
   * history, in the caller's transaction.
   */
  public void recordComment(
      Caller caller,
      Complaint complaint,
      UUID commentId,
      String visibility,
      @Nullable String previousBody,
      Instant at) {
    HistoryAction.Entry entry =
        previousBody == null
            ? HistoryAction.COMMENT.entry(visibility, commentId.toString())
            : HistoryAction.COMMENT_EDITED.entry(previousBody, commentId.toString());
    history.append(complaint.id(), at, caller.staffId(), entry);
    if (previousBody == null && caller.isStaff()) {
      complaints.responded(complaint.id(), at);
    }
  }

  /**
   * Applies an assignment and/or a status change together or not at all. The assignment is applied
   * first, so a porter can take an unassigned complaint and start it in one request. Without {@code
   * ifMatch} a concurrent change is retried against the new state (and the rules checked again);
   * with it, any change since that version is a 412.
   */
  /** The SLA targets in force, or null when no clock runs. */
  @Nullable ServiceLevels levels() {
    return levels.getIfAvailable();
  }

  Complaint change(Caller caller, UUID id, Edit edit, @Nullable Long ifMatch) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Complaint result = tx.execute(s -> changeOnce(caller, id, edit, ifMatch));
      if (result != null) {
        return result;
      }
      if (ifMatch != null) {
        throw ComplaintProblems.StaleVersion.of(visible(caller, id).version());
      }
    }
    throw ComplaintProblems.Conflict.busy();
  }

  List<HistoryEntry> history(Caller caller, UUID id) {
    visible(caller, id);
    Rights.history(caller);
    return named(history.forComplaint(id, null));
  }

  List<HistoryEntry> assignments(Caller caller, UUID id) {
    visible(caller, id);
    Rights.assignments(caller);
    return named(history.forComplaint(id, HistoryAction.ASSIGNMENT)).reversed();
  }

  /** The complaint, whoever may see it: for jobs that act for nobody in particular. */
  public Optional<Complaint> find(UUID id) {
    return complaints.find(id);
  }

  Map<Status, Long> countByStatus() {
    return complaints.countByStatus();
  }

  /** Appends a stored change's history lines and publishes its events, in the same transaction. */
  void record(Complaint.Changed changed, Caller caller) {
    Complaint complaint = changed.complaint();
    changed
        .history()
        .forEach(
            entry ->
                history.append(complaint.id(), complaint.updatedAt(), caller.staffId(), entry));
    changed.events().forEach(events::publishEvent);
  }

  /** One attempt; null when another write got in first and the change must be worked out again. */
  private @Nullable Complaint changeOnce(
      Caller caller, UUID id, Edit edit, @Nullable Long ifMatch) {
    Complaint current = visible(caller, id);
    if (ifMatch != null && current.version() != ifMatch) {
      throw ComplaintProblems.StaleVersion.of(current.version());
    }
    Complaint.Change change = current.changeBy(caller, policy);
    if (edit.assign()) {
      UUID assignee = edit.assignee();
      change = change.assign(assignee);
      if (assignee != null
          && !Objects.equals(current.assignedPorterId(), assignee)
          && staff.findActive(assignee).isEmpty()) {
        throw ValidationFailed.of("assigned_porter_id", "is not an active staff member");
      }
    }
    if (edit.priority() != null) {
      change = change.prioritize(edit.priority());
    }
    if (edit.status() != null) {
      change = change.moveTo(edit.status(), edit.reason());
    }
    if (!change.changesAnything()) {
      return current;
    }
    Complaint.Changed changed = change.at(clock.instant(), levels.getIfAvailable());
    if (!complaints.update(changed.complaint(), current.version())) {
      return null;
    }
    record(changed, caller);
    return changed.complaint();
  }

  private List<HistoryEntry> named(List<HistoryRepository.Row> rows) {
    Set<UUID> actors = new HashSet<>();
    rows.forEach(
        r -> {
          if (r.actorId() != null) actors.add(r.actorId());
        });
    Map<UUID, String> names = staff.names(actors);
    return rows.stream()
        .map(
            r ->
                new HistoryEntry(
                    r.id(),
                    r.complaintId(),
                    r.at(),
                    r.actorId(),
                    r.actorId() == null
                        ? "integration"
                        : names.getOrDefault(r.actorId(), "former staff"),
                    r.action(),
                    r.from(),
                    r.to()))
        .toList();
  }
}
