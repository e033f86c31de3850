package org.hostel.complaints.complaint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.ApiException;
import org.hostel.complaints.web.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

/**
 * One action on many complaints. Each item goes through the very method the single action uses (so
 * the same rules, the same events and messages) in a transaction of its own: one failure leaves the
 * others done, and no item is half-done. An id the caller may not see, a malformed one and one
 * listed twice answer a per-item problem, never a leak.
 */
@Service
class BulkActions {

  static final int MAX_IDS = 500;

  private static final Logger log = LoggerFactory.getLogger(BulkActions.class);

  private final ComplaintService complaints;
  private final MergeService merges;
  private final ObjectProvider<IncidentLinker> incidents;

  BulkActions(
      ComplaintService complaints, MergeService merges, ObjectProvider<IncidentLinker> incidents) {
    this.complaints = complaints;
    this.merges = merges;
    this.incidents = incidents;
  }

  /** Whether complaints can be linked to incidents here (the incident module is present). */
  boolean linksIncidents() {
    return incidents.getIfAvailable() != null;
  }

  Complaint linkIncident(Caller caller, UUID id, UUID incident) {
    return incidents.getObject().link(caller, id, incident);
  }

  /** The outcome for one id: the status after the action, or the problem that stopped it. */
  record Result(String id, boolean ok, @Nullable Status status, @Nullable ProblemDetail problem) {}

  List<Result> apply(Caller caller, List<String> ids, Function<UUID, Complaint> action) {
    List<Result> results = new ArrayList<>(ids.size());
    Set<UUID> seen = new HashSet<>();
    for (String given : ids) {
      UUID id = parse(given);
      if (id == null) {
        results.add(failed(given, ComplaintProblems.ComplaintNotFound.forReference(given)));
        continue;
      }
      if (!seen.add(id)) {
        results.add(
            new Result(
                given,
                false,
                null,
                Problems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "duplicate-id",
                    "Listed twice",
                    "This id is listed more than once; it was acted on once")));
        continue;
      }
      try {
        Complaint after = action.apply(id);
        results.add(new Result(given, true, after.status(), null));
      } catch (ApiException e) {
        results.add(failed(given, e));
      } catch (RuntimeException e) {
        log.warn("Bulk action on {} by {} failed", id, caller.staffId(), e);
        results.add(
            new Result(
                given,
                false,
                null,
                Problems.of(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "internal",
                    "Internal error",
                    "This item failed; the others are unaffected")));
      }
    }
    return results;
  }

  Complaint assign(Caller caller, UUID id, @Nullable UUID porter) {
    return complaints.change(
        caller, id, new ComplaintService.Edit(null, null, true, porter, null), null);
  }

  Complaint move(Caller caller, UUID id, Status status, @Nullable String reason) {
    return complaints.change(caller, id, ComplaintService.Edit.status(status, reason), null);
  }

  Complaint prioritise(Caller caller, UUID id, Priority priority) {
    return complaints.change(
        caller, id, new ComplaintService.Edit(null, null, false, null, priority), null);
  }

  Complaint merge(Caller caller, UUID id, UUID into) {
    return merges.merge(caller, id, into).duplicate();
  }

  private static Result failed(String id, ApiException e) {
    return new Result(id, false, null, e.toProblem());
  }

  private static @Nullable UUID parse(String id) {
    try {
      return UUID.fromString(id.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
