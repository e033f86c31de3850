package org.hostel.complaints.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merges a duplicate into the complaint it repeats, and undoes it. The duplicate is closed with
 * {@code duplicate_of} set, its own duplicates move to the master (one level deep, so no cycle can
 * form), its reporter is told, and from then on it follows the master ({@link DuplicateFollowers}).
 * Both rows are written with their versions checked, so of two concurrent merges one wins and the
 * other is worked out again against what the first did.
 */
@Service
class MergeService {

  private static final int MAX_ATTEMPTS = 5;

  private final ComplaintService service;
  private final ComplaintRepository complaints;
  private final DuplicateRepository duplicates;
  private final HistoryRepository history;
  private final ComplaintPolicy policy;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final java.time.Clock clock;

  MergeService(
      ComplaintService service,
      ComplaintRepository complaints,
      DuplicateRepository duplicates,
      HistoryRepository history,
      ComplaintPolicy policy,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      java.time.Clock clock) {
    this.service = service;
    this.complaints = complaints;
    this.duplicates = duplicates;
    this.history = history;
    this.policy = policy;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  /** The duplicate after the merge, and a warning when the two are in different hostels. */
  record Merged(Complaint duplicate, @Nullable String warning) {}

  Merged merge(Caller caller, UUID id, UUID into) {
    return retried(() -> mergeOnce(caller, id, into));
  }

  Complaint unmerge(Caller caller, UUID id) {
    return retried(() -> unmergeOnce(caller, id));
  }

  private <T> T retried(Supplier<@Nullable T> once) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        T result = tx.execute(s -> once.get());
        if (result != null) {
          return result;
        }
      } catch (ConcurrencyFailureException e) {
        // a deadlock or serialization failure between two merges: work it out again
      }
    }
    throw ComplaintProblems.Conflict.busy();
  }

  /** One attempt; null when another write got in first. */
  private @Nullable Merged mergeOnce(Caller caller, UUID id, UUID into) {
    Complaint duplicate = service.visible(caller, id);
    Complaint master = service.visible(caller, into);
    Map<UUID, UUID> masters = duplicates.masters(List.of(id, into));
    Instant now = clock.instant();
    Complaint.Changed changed =
        duplicate
            .changeBy(caller, policy)
            .closeAsDuplicate(master, masters.get(id), masters.get(into))
            .at(now, service.levels());
    // Rows in id order, so two merges of the same pair the other way round cannot deadlock.
    boolean duplicateFirst = id.compareTo(into) < 0;
    if (duplicateFirst && !complaints.update(changed.complaint(), duplicate.version())) {
      return null;
    }
    if (complaints.touch(into, now, policy.visibleTo(caller, "complaints")).isEmpty()) {
      return null;
    }
    if (!duplicateFirst && !complaints.update(changed.complaint(), duplicate.version())) {
      return null;
    }
    if (!duplicates.link(id, into)) {
      return null;
    }
    duplicates.repoint(id, into);
    service.record(changed, caller);
    history.append(
        id,
        now,
        caller.staffId(),
        HistoryAction.MERGED.entry(duplicate.status().value(), into.toString()));
    Complaint after = changed.complaint();
    events.publishEvent(
        new ReporterUpdate(
            after,
            "merged",
            "This is the same problem as "
                + master.reference()
                + ", which is already being handled. Your complaint is closed as a duplicate;"
                + " you will hear about "
                + master.reference()
                + " as it goes on.",
            "merged:" + id + ":" + after.version()));
    String warning =
        duplicate.hostel().equals(master.hostel())
            ? null
            : "The complaints are in different hostels ("
                + duplicate.hostel()
                + " and "
                + master.hostel()
                + ")";
    return new Merged(after, warning);
  }

  private @Nullable Complaint unmergeOnce(Caller caller, UUID id) {
    Complaint duplicate = service.visible(caller, id);
    UUID master = duplicates.masters(List.of(id)).get(id);
    Status previous = master == null ? duplicate.status() : statusBeforeMerge(id);
    Instant now = clock.instant();
    Complaint.Changed changed =
        duplicate.changeBy(caller, policy).unmerge(master, previous).at(now, service.levels());
    if (!complaints.update(changed.complaint(), duplicate.version())
        || !duplicates.unlink(id, master)) {
      return null;
    }
    service.record(changed, caller);
    history.append(
        id,
        now,
        caller.staffId(),
        HistoryAction.UNMERGED.entry(String.valueOf(master), previous.value()));
    Complaint after = changed.complaint();
    events.publishEvent(
        new ReporterUpdate(
            after,
            "unmerged",
            "Staff found this is not the same problem as the one it was merged into after all;"
                + " your complaint is open again.",
            "unmerged:" + id + ":" + after.version()));
    return after;
  }

  /** The status the complaint had when it was last merged; reported if that is unknown. */
  private Status statusBeforeMerge(UUID id) {
    List<HistoryRepository.Row> merges = history.forComplaint(id, HistoryAction.MERGED);
    if (merges.isEmpty() || merges.getLast().from() == null) {
      return Status.REPORTED;
    }
    return Status.fromValue(merges.getLast().from());
  }
}
