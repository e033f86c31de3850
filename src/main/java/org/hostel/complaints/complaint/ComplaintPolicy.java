package org.hostel.complaints.complaint;

import static org.hostel.complaints.complaint.ComplaintPolicy.Actor.ADMIN;
import static org.hostel.complaints.complaint.ComplaintPolicy.Actor.ASSIGNEE;
import static org.hostel.complaints.complaint.ComplaintPolicy.Actor.INTEGRATION;
import static org.hostel.complaints.complaint.Status.CLOSED;
import static org.hostel.complaints.complaint.Status.IN_PROGRESS;
import static org.hostel.complaints.complaint.Status.ON_HOLD;
import static org.hostel.complaints.complaint.Status.REPORTED;
import static org.hostel.complaints.complaint.Status.RESOLVED;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may see, move and assign a complaint, and the status machine: the only place these rules are
 * written. The list, the statistics, the photo hand-off and the dashboard's event audiences all ask
 * here, and the API hands the answers to clients ({@code allowed_transitions}, {@code can_assign})
 * so they need no copy of their own.
 *
 * <p>Admins see and change everything. The integration reads everything and, for the reporter, only
 * confirms or reopens a resolved complaint. A porter sees complaints assigned to them and
 * unassigned ones, may take an unassigned one, and moves only their own. What a caller may not see
 * does not exist for them (404); what they see but may not change is 403; a move the machine does
 * not have is 400.
 */
@Component
public final class ComplaintPolicy {

  /** Who a caller is to one complaint; the table below grants moves to these. */
  enum Actor {
    ADMIN("admins", "Admins may not change the status of complaints"),
    ASSIGNEE("its assignee", "Porters may not change the status of complaints"),
    OTHER_PORTER("other porters", "Porters may only move complaints assigned to them"),
    INTEGRATION("the integration", "Integrations may not change status or assignment");

    private final String who;
    private final String refusal;

    Actor(String who, String refusal) {
      this.who = who;
      this.refusal = refusal;
    }
  }

  /** A status change the machine has, and who may make it. */
  record Move(Status from, Status to, Set<Actor> by) {}

  /**
   * The status machine: every legal move and who may make it, in the order clients offer them. A
   * new status or a new right is a line here; whatever has no line is refused. The integration acts
   * for the reporter: it confirms a resolved complaint's fix (closing it) or says it is not fixed
   * (reopening it), and moves nothing else.
   */
  private static final List<Move> MOVES =
      List.of(
          move(REPORTED, IN_PROGRESS, ADMIN, ASSIGNEE),
          move(IN_PROGRESS, RESOLVED, ADMIN, ASSIGNEE),
          move(IN_PROGRESS, REPORTED, ADMIN, ASSIGNEE),
          move(IN_PROGRESS, ON_HOLD, ADMIN, ASSIGNEE),
          move(ON_HOLD, IN_PROGRESS, ADMIN, ASSIGNEE),
          move(RESOLVED, CLOSED, ADMIN, INTEGRATION),
          move(RESOLVED, IN_PROGRESS, ADMIN, ASSIGNEE, INTEGRATION));

  /** A condition to AND into a query's {@code WHERE} (SQL both databases run), with params. */
  public record Condition(String sql, Map<String, Object> params) {}

  /**
   * Who hears of a change to a complaint besides every admin: every porter, or only those listed.
   */
  public record Audience(boolean everyPorter, Set<UUID> porters) {

    /** This audience and one more porter, who may need to hear that they lost the complaint. */
    public Audience and(@Nullable UUID porter) {
      if (porter == null || everyPorter || porters.contains(porter)) {
        return this;
      }
      Set<UUID> more = new LinkedHashSet<>(porters);
      more.add(porter);
      return new Audience(false, Set.copyOf(more));
    }

    public boolean includes(UUID porter) {
      return everyPorter || porters.contains(porter);
    }
  }

  // Visibility: the in-memory check, its SQL form and its audience say the same; a test holds
  // them to it on both databases.

  /** Whether the caller may see the complaint at all. */
  public boolean canSee(Caller caller, Complaint complaint) {
    return !caller.isPorter()
        || complaint.assignedPorterId() == null
        || caller.is(complaint.assignedPorterId());
  }

  /** {@link #canSee} for every row of {@code alias}, a complaints table in a query. */
  public Condition visibleTo(Caller caller, String alias) {
    if (!caller.isPorter()) {
      return new Condition("1 = 1", Map.of());
    }
    return new Condition(
        "(%1$s.assigned_porter_id = :viewer OR %1$s.assigned_porter_id IS NULL)".formatted(alias),
        Map.of("viewer", Objects.requireNonNull(caller.staffId()).toString()));
  }

  /** The porters who may see the complaint as it is now; every admin may too. */
  public Audience audience(Complaint complaint) {
    UUID assignee = complaint.assignedPorterId();
    return assignee == null ? new Audience(true, Set.of()) : new Audience(false, Set.of(assignee));
  }

  // The status machine.

  /** The statuses the caller may move the complaint to now, in the order to offer them. */
  public List<Status> allowedTransitions(Caller caller, Complaint complaint) {
    Actor actor = actor(caller, complaint);
    return MOVES.stream()
        .filter(m -> m.from() == complaint.status() && m.by().contains(actor))
        .map(Move::to)
        .toList();
  }

  /** Every status a complaint in {@code from} can move to, whoever asks. */
  public List<Status> targets(Status from) {
    return MOVES.stream().filter(m -> m.from() == from).map(Move::to).toList();
  }

  /** A complaint in a final status changes no more: neither its status nor its assignee. */
  public boolean isFinal(Status status) {
    return targets(status).isEmpty();
  }

  /**
   * Refuses a move the caller may not make. Asking for the status a complaint already has passes
   * for whoever could move a complaint there at all, and then changes nothing.
   */
  void checkMove(Caller caller, Complaint complaint, Status target) {
    Actor actor = actor(caller, complaint);
    if (MOVES.stream().noneMatch(m -> m.by().contains(actor))) {
      throw AccessDenied.because(actor.refusal);
    }
    if (MOVES.stream().noneMatch(m -> m.to() == target && m.by().contains(actor))) {
      throw AccessDenied.because(whoMayMoveTo(target) + " may move a complaint to " + target);
    }
    if (complaint.status() == target) {
      return;
    }
    Move move =
        find(complaint.status(), target)
            .orElseThrow(
                () ->
                    ComplaintProblems.IllegalTransition.of(
                        complaint.status(), target, targets(complaint.status())));
    if (!move.by().contains(actor)) {
      throw AccessDenied.because(
          "Only "
              + who(move.by())
              + " may move a complaint from "
              + complaint.status()
              + " to "
              + target);
    }
  }

  // Priority.

  /** Whether the caller may set the complaint's priority: admins and its assignee, while open. */
  public boolean canSetPriority(Caller caller, Complaint complaint) {
    return !complaint.status().isFinished()
        && (caller.isAdmin() || (caller.isPorter() && caller.is(complaint.assignedPorterId())));
  }

  void checkPriority(Caller caller, Complaint complaint) {
    if (!canSetPriority(caller, complaint)) {
      throw AccessDenied.because(
          "Only admins and the assignee may set the priority of an open complaint");
    }
  }

  // Assignment.

  /** Whether the caller may change who the complaint is assigned to now. */
  public boolean canAssign(Caller caller, Complaint complaint) {
    if (isFinal(complaint.status())) {
      return false;
    }
    return switch (caller.kind()) {
      case ADMIN -> true;
      case PORTER -> complaint.assignedPorterId() == null;
      case INTEGRATION -> false;
    };
  }

  /**
   * Refuses an assignment the caller may not make: admins assign to anyone, a porter only takes an
   * unassigned complaint for themself. Assigning to whoever has it already changes nothing.
   */
  void checkAssignment(Caller caller, Complaint complaint, @Nullable UUID target) {
    if (caller.isIntegration()) {
      throw AccessDenied.because(INTEGRATION.refusal);
    }
    if (caller.isPorter()) {
      if (target == null || !caller.is(target)) {
        throw AccessDenied.because("Porters may only assign complaints to themselves");
      }
      if (complaint.assignedPorterId() != null && !caller.is(complaint.assignedPorterId())) {
        throw AccessDenied.because("The complaint is already assigned");
      }
    }
    if (!Objects.equals(complaint.assignedPorterId(), target) && isFinal(complaint.status())) {
      throw ComplaintProblems.IllegalTransition.finalStatus(complaint.status());
    }
  }

  // Everything else a caller may or may not read or do; first comments and internal notes.

  /** Internal notes are for staff who may see the complaint; public comments for all who may. */
  public boolean canReadInternalNotes(Caller caller, Complaint complaint) {
    return caller.isStaff() && canSee(caller, complaint);
  }

  /** The integration writes public comments only, for the reporter. */
  public void checkComment(Caller caller, Complaint complaint, boolean internal) {
    allow(
        !internal || canReadInternalNotes(caller, complaint),
        "Only staff may write internal notes");
  }

  /** Refuses an edit by anyone but the comment's author (the integration edits none). */
  public void checkCommentEdit(Caller caller, @Nullable UUID author) {
    allow(caller.isStaff() && caller.is(author), "Only its author may edit a comment");
  }

  private static void allow(boolean allowed, String refusal) {
    if (!allowed) {
      throw AccessDenied.because(refusal);
    }
  }

  private static Actor actor(Caller caller, Complaint complaint) {
    return switch (caller.kind()) {
      case ADMIN -> ADMIN;
      case INTEGRATION -> INTEGRATION;
      case PORTER -> caller.is(complaint.assignedPorterId()) ? ASSIGNEE : Actor.OTHER_PORTER;
    };
  }

  private static Optional<Move> find(Status from, Status to) {
    return MOVES.stream().filter(m -> m.from() == from && m.to() == to).findFirst();
  }

  private static String whoMayMoveTo(Status target) {
    Set<Actor> who = EnumSet.noneOf(Actor.class);
    MOVES.stream().filter(m -> m.to() == target).forEach(m -> who.addAll(m.by()));
    return who.isEmpty() ? "Nobody" : "Only " + who(who);
  }

  private static String who(Set<Actor> actors) {
    return String.join(" or ", EnumSet.copyOf(actors).stream().map(a -> a.who).toList());
  }

  private static Move move(Status from, Status to, Actor... by) {
    return new Move(from, to, Set.copyOf(EnumSet.copyOf(List.of(by))));
  }
}
