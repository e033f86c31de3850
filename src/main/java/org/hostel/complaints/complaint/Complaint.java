package org.hostel.complaints.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;

/**
 * A stored complaint, and the changes it allows. {@code version} grows by one with every change and
 * is the {@code ETag}. Its rules live here and in {@link ComplaintPolicy}: a change is worked out
 * step by step ({@link #changeBy}), then stored at once with the events and history lines it
 * raises; the service only loads, calls, saves and publishes.
 *
 * <p>{@code number} is the sequential number behind the human {@link #reference()}; the database
 * hands it out when the complaint is stored, so a draft has 0.
 */
public record Complaint(
    UUID id,
    long number,
    @Nullable String telegramUserId,
    String hostel,
    String wing,
    String roomNumber,
    String category,
    String description,
    Severity severity,
    Status status,
    @Nullable UUID assignedPorterId,
    @Nullable UUID createdBy,
    long version,
    Instant createdAt,
    Instant updatedAt,
    Priority priority,
    @Nullable String holdReason,
    Sla sla) {

  private static final Pattern REFERENCE = Pattern.compile("(?i)\\s*C?-?\\s*([0-9]{1,15})\\s*");

  /** The short reference people type and say, such as {@code C-1042}. */
  public String reference() {
    return "C-" + number;
  }

  /**
   * The number in a reference as people type it: {@code C-1042}, {@code c1042} or {@code 1042};
   * empty when the text is not one.
   */
  public static OptionalLong number(String reference) {
    Matcher m = REFERENCE.matcher(reference);
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /** The draft as stored under the number the database gave it. */
  Complaint numbered(long stored) {
    return copy(stored, status, assignedPorterId, version, updatedAt, priority, holdReason, sla);
  }

  /**
   * A new complaint as stored: the event announcing it and its first history line; when a rule
   * assigned it ({@code rule} names it), also the assignment, said to be by that rule.
   */
  Changed submitted(@Nullable String rule) {
    if (assignedPorterId == null || rule == null) {
      return new Changed(
          this,
          List.of(new ComplaintSubmitted(this)),
          List.of(HistoryAction.CREATED.entry(null, status.value())));
    }
    return new Changed(
        this,
        List.of(
            new ComplaintSubmitted(this),
            new AssignmentChanged(this, null, assignedPorterId, null)),
        List.of(
            HistoryAction.CREATED.entry(null, status.value()),
            HistoryAction.ASSIGNMENT.entry(null, assignedPorterId.toString()),
            HistoryAction.RULE.entry(rule, "assigned by rule " + rule)));
  }

  /** Starts a change by the caller; each step checks the policy and nothing is stored yet. */
  Change changeBy(Caller caller, ComplaintPolicy policy) {
    return new Change(this, this, caller, policy);
  }

  /** The status, assignee and version of a change; the report itself never changes. */
  Complaint with(Status status, @Nullable UUID assignee, long version, Instant updatedAt) {
    return copy(number, status, assignee, version, updatedAt, priority, holdReason, sla);
  }

  /** The same complaint with other working fields: priority, hold reason and SLA clock. */
  Complaint with(Priority priority, @Nullable String holdReason, Sla sla) {
    return copy(number, status, assignedPorterId, version, updatedAt, priority, holdReason, sla);
  }

  /** The one copy: the report never changes after submission, these fields do. */
  private Complaint copy(
      long number,
      Status status,
      @Nullable UUID assignee,
      long version,
      Instant updatedAt,
      Priority priority,
      @Nullable String holdReason,
      Sla sla) {
    return new Complaint(
        id,
        number,
        telegramUserId,
        hostel,
        wing,
        roomNumber,
        category,
        description,
        severity,
        status,
        assignee,
        createdBy,
        version,
        createdAt,
        updatedAt,
        priority,
        holdReason,
        sla);
  }

  /**
   * One request's change: the complaint as loaded, as it will be after the steps so far, and who
   * makes the change.
   */
  record Change(Complaint before, Complaint after, Caller by, ComplaintPolicy policy) {

    /** Assigns the complaint to {@code porter}, or unassigns it when null. */
    Change assign(@Nullable UUID porter) {
      policy.checkAssignment(by, after, porter);
      if (Objects.equals(after.assignedPorterId(), porter)) {
        return this;
      }
      return next(after.with(after.status(), porter, after.version(), after.updatedAt()));
    }

    /**
     * Moves the complaint to {@code target}; asking for the status it has changes nothing. Putting
     * it on hold needs a reason; leaving hold forgets it.
     */
    Change moveTo(Status target, @Nullable String reason) {
      policy.checkMove(by, after, target);
      String holdReason = HoldReason.forMove(target, reason);
      if (after.status() == target) {
        return this;
      }
      Complaint moved =
          after.with(target, after.assignedPorterId(), after.version(), after.updatedAt());
      return next(moved.with(moved.priority(), holdReason, moved.sla()));
    }

    /** Sets the priority; setting the one it has changes nothing. */
    Change prioritize(Priority priority) {
      policy.checkPriority(by, after);
      return next(after.with(priority, after.holdReason(), after.sla()));
    }

    /**
     * Closes the complaint as a duplicate of {@code master}, whatever open status it has (see
     * {@link ComplaintPolicy#checkMerge}).
     */
    Change closeAsDuplicate(
        Complaint master, @Nullable UUID mergedInto, @Nullable UUID masterMergedInto) {
      Rights.merge(by);
      refuse(after.id().equals(master.id()), "A complaint cannot be merged into itself");
      if (mergedInto != null) {
        throw ComplaintProblems.Conflict.alreadyMerged(mergedInto);
      }
      refuse(policy.isFinal(after.status()), "A " + after.status() + " complaint cannot be merged");
      // Duplicates are one level deep: this also refuses every cycle.
      refuse(
          masterMergedInto != null,
          "The target is itself a duplicate; merge into the complaint it was merged into");
      refuse(
          policy.isFinal(master.status()),
          "A complaint cannot be merged into a " + master.status() + " one");
      return next(
          after.with(Status.CLOSED, after.assignedPorterId(), after.version(), after.updatedAt()));
    }

    /** Gives a merged complaint back the status it had before the merge. */
    Change unmerge(@Nullable UUID mergedInto, Status previous) {
      Rights.merge(by);
      refuse(mergedInto == null, "The complaint is not merged into another");
      return next(
          after.with(previous, after.assignedPorterId(), after.version(), after.updatedAt()));
    }

    boolean changesAnything() {
      return !after.equals(before);
    }

    /**
     * The change as stored at {@code now}, one version on, with what it raises and its SLA clock
     * moved on ({@code levels} null: no clock).
     */
    Changed at(Instant now, @Nullable ServiceLevels levels) {
      Complaint moved =
          after.with(after.status(), after.assignedPorterId(), before.version() + 1, now);
      Complaint stored =
          moved.with(
              moved.priority(), moved.holdReason(), SlaSteps.next(before, moved, by, now, levels));
      UUID actor = by.staffId();
      List<Object> events = new ArrayList<>(2);
      List<HistoryAction.Entry> history = new ArrayList<>(2);
      if (!Objects.equals(before.assignedPorterId(), stored.assignedPorterId())) {
        events.add(
            new AssignmentChanged(
                stored, before.assignedPorterId(), stored.assignedPorterId(), actor));
        history.add(
            HistoryAction.ASSIGNMENT.entry(
                text(before.assignedPorterId()), text(stored.assignedPorterId())));
      }
      if (before.status() != stored.status()) {
        events.add(new StatusChanged(stored, before.status(), stored.status(), actor));
        history.add(HistoryAction.STATUS.entry(before.status().value(), stored.status().value()));
        if (stored.holdReason() != null) {
          history.add(HistoryAction.HOLD.entry(null, stored.holdReason()));
        }
      }
      if (before.priority() != stored.priority()) {
        events.add(new PriorityChanged(stored, before.priority(), stored.priority(), actor));
        history.add(
            HistoryAction.PRIORITY.entry(before.priority().value(), stored.priority().value()));
      }
      return new Changed(stored, List.copyOf(events), List.copyOf(history));
    }

    private static void refuse(boolean refused, String detail) {
      if (refused) {
        throw ComplaintProblems.MergeRefused.of(detail);
      }
    }

    private Change next(Complaint changed) {
      return new Change(before, changed, by, policy);
    }

    private static @Nullable String text(@Nullable UUID id) {
      return id == null ? null : id.toString();
    }
  }

  /**
   * A change ready to store: the complaint after it, the events to publish once it is written and
   * the history lines to append with it.
   */
  record Changed(Complaint complaint, List<Object> events, List<HistoryAction.Entry> history) {}
}
