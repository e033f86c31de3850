package org.hostel.complaints.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the incident module may do to complaints: link them ({@code incident_id}, with a history
 * line), find the ones linked or matching, and resolve them along the status machine. Each method
 * joins the caller's transaction when there is one, so the incident's message to the reporter is
 * stored with the change.
 */
@Service
public class IncidentComplaints {

  private static final int MAX_ATTEMPTS = 5;

  private final Catalog catalog;
  private final ComplaintService service;
  private final ComplaintRepository complaints;
  private final HistoryRepository history;
  private final ComplaintPolicy policy;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  IncidentComplaints(
      Catalog catalog,
      ComplaintService service,
      ComplaintRepository complaints,
      HistoryRepository history,
      ComplaintPolicy policy,
      JdbcClient jdbc,
      TransactionTemplate tx,
      Clock clock) {
    this.catalog = catalog;
    this.service = service;
    this.complaints = complaints;
    this.history = history;
    this.policy = policy;
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /** The hostel's slug, given its slug or display name; empty when there is no such hostel. */
  public java.util.Optional<String> hostel(String slugOrName) {
    return catalog.hostel(slugOrName).map(Catalog.Hostel::slug);
  }

  /** The category as stored; empty when it is not one of the catalog's. */
  public java.util.Optional<String> category(String name) {
    return catalog.category(name);
  }

  /**
   * Links an open complaint the caller (an admin) sees to the incident.
   *
   * @throws ComplaintProblems.ComplaintNotFound when the caller may not see it
   */
  public Complaint link(Caller caller, UUID complaintId, UUID incidentId) {
    Rights.incidentLink(caller);
    return tx.execute(
        s -> {
          Complaint current = service.visible(caller, complaintId);
          if (current.status().isFinished()) {
            throw ComplaintProblems.NotOpen.of(
                "Only open complaints can be linked to an incident; this one is "
                    + current.status());
          }
          return linkNow(complaintId, caller.staffId(), incidentId, caller);
        });
  }

  /** Links a complaint just submitted (in the submission's transaction) to the incident. */
  public Complaint linkSubmitted(Complaint submitted, UUID incidentId) {
    return tx.execute(s -> linkNow(submitted.id(), null, incidentId, Caller.integration()));
  }

  /** The open complaints linked to the incident, oldest first. */
  public List<Complaint> openLinked(UUID incidentId) {
    return jdbc.sql(
            "SELECT "
                + ComplaintRepository.COLUMNS
                + " FROM complaints WHERE incident_id = :incident AND status IN (:open)"
                + " ORDER BY created_at, id")
        .param("incident", incidentId.toString())
        .param("open", open())
        .query(ComplaintRows::complaint)
        .list();
  }

  /**
   * Open complaints of the category in the hostel ({@code wings} empty: anywhere in it), not yet
   * linked to this incident and not merged: what an incident's "link matching" takes.
   */
  public List<UUID> openMatching(
      String hostel, Set<String> wings, String category, UUID incidentId) {
    return jdbc.sql(
            "SELECT id FROM complaints WHERE hostel = :hostel AND category = :category"
                + " AND status IN (:open) AND duplicate_of IS NULL"
                + " AND (incident_id IS NULL OR incident_id <> :incident)"
                + (wings.isEmpty() ? "" : " AND wing IN (:wings)")
                + " ORDER BY created_at, id")
        .param("hostel", hostel)
        .param("category", category)
        .param("open", open())
        .param("incident", incidentId.toString())
        .param("wings", wings.isEmpty() ? List.of("") : List.copyOf(wings))
        .query((rs, n) -> UUID.fromString(rs.getString(1)))
        .list();
  }

  /**
   * Resolves an open complaint along the status machine (reported or on hold → in progress →
   * resolved) in one change, so its reporter hears one "resolved" notice; a resolved or closed one
   * stays.
   */
  public Complaint resolve(Caller caller, UUID complaintId) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Complaint result =
          tx.execute(
              s -> {
                Complaint current = service.visible(caller, complaintId);
                Complaint.Change change = current.changeBy(caller, policy);
                if (current.status() == Status.REPORTED || current.status() == Status.ON_HOLD) {
                  change = change.moveTo(Status.IN_PROGRESS, null);
                }
                if (!current.status().isFinished()) {
                  change = change.moveTo(Status.RESOLVED, null);
                }
                if (!change.changesAnything()) {
                  return current;
                }
                Complaint.Changed changed = change.at(clock.instant(), service.levels());
                if (!complaints.update(changed.complaint(), current.version())) {
                  return null;
                }
                service.record(changed, caller);
                return changed.complaint();
              });
      if (result != null) {
        return result;
      }
    }
    throw ComplaintProblems.Conflict.busy();
  }

  private Complaint linkNow(
      UUID complaintId, @Nullable UUID actor, UUID incidentId, Caller caller) {
    Instant now = clock.instant();
    String before =
        jdbc.sql("SELECT incident_id FROM complaints WHERE id = :id")
            .param("id", complaintId.toString())
            .query(String.class)
            .optional()
            .orElse(null);
    Complaint after =
        complaints
            .touch(complaintId, now, policy.visibleTo(caller, "complaints"))
            .orElseThrow(() -> ComplaintProblems.ComplaintNotFound.forId(complaintId));
    jdbc.sql("UPDATE complaints SET incident_id = :incident WHERE id = :id")
        .param("incident", incidentId.toString())
        .param("id", complaintId.toString())
        .update();
    history.append(
        complaintId, now, actor, HistoryAction.INCIDENT.entry(before, incidentId.toString()));
    return after;
  }

  private static List<String> open() {
    return Status.open().stream().map(Status::value).toList();
  }
}
