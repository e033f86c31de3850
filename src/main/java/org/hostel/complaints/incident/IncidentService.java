package org.hostel.complaints.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.ComplaintSubmitted;
import org.hostel.complaints.complaint.IncidentComplaints;
import org.hostel.complaints.complaint.IncidentLinker;
import org.hostel.complaints.complaint.ReporterUpdate;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.storage.Ids;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.ApiException;
import org.hostel.complaints.web.ApiException.FieldProblem;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Declares, changes and resolves incidents, and links complaints to them. Every message to a
 * reporter is a {@link ReporterUpdate} published in the transaction of the change, with a key per
 * incident version and complaint, so each change reaches each linked reporter exactly once.
 */
@Service
class IncidentService implements IncidentLinker {

  private final IncidentRepository incidents;
  private final IncidentComplaints complaints;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  IncidentService(
      IncidentRepository incidents,
      IncidentComplaints complaints,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock) {
    this.incidents = incidents;
    this.complaints = complaints;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  /** A declaration as it arrives; the scope is checked against the catalog. */
  record Draft(
      String title,
      String category,
      String message,
      @Nullable Instant eta,
      List<Incident.Scope> scope) {}

  /** Per complaint: linked, or the problem that stopped it. */
  record LinkResult(String id, boolean ok, @Nullable Object problem) {}

  Incident declare(Caller caller, Draft draft) {
    checkAdmin(caller);
    List<FieldProblem> problems = new ArrayList<>();
    String category = complaints.category(draft.category()).orElse(null);
    if (category == null) {
      problems.add(new FieldProblem("category", "is not a known category"));
    }
    List<Incident.Scope> scope = new ArrayList<>();
    if (draft.scope().isEmpty()) {
      problems.add(new FieldProblem("scope", "must name at least one hostel"));
    }
    for (Incident.Scope given : draft.scope()) {
      Optional<String> hostel = complaints.hostel(given.hostel());
      if (hostel.isEmpty()) {
        problems.add(new FieldProblem("scope", given.hostel() + " is not a known hostel"));
        continue;
      }
      Set<String> wings = new LinkedHashSet<>();
      for (String wing : given.wings()) {
        String upper = wing.strip().toUpperCase(java.util.Locale.ROOT);
        if (!upper.matches("[A-Z0-9]{1,8}")) {
          problems.add(new FieldProblem("scope", "a wing must be 1 to 8 letters or digits"));
        }
        wings.add(upper);
      }
      scope.add(new Incident.Scope(hostel.get(), List.copyOf(wings)));
    }
    if (!problems.isEmpty()) {
      throw ValidationFailed.of(problems);
    }
    Instant now = clock.instant();
    Incident incident =
        new Incident(
            Ids.newId(),
            draft.title().strip(),
            category,
            draft.message().strip(),
            draft.eta(),
            "active",
            scope,
            1,
            now,
            now);
    tx.executeWithoutResult(s -> incidents.insert(incident, caller.staffId()));
    return incident;
  }

  List<Incident> list(@Nullable String status, @Nullable String hostel) {
    String slug = hostel == null ? null : complaints.hostel(hostel).orElse(hostel);
    return incidents.list(status, slug);
  }

  Incident get(UUID id) {
    return incidents.find(id).orElseThrow(() -> new IncidentProblems.IncidentNotFound(id));
  }

  /**
   * Changes the title, message or ETA; a change of what reporters are told goes once to every
   * reporter of an open linked complaint.
   */
  Incident change(
      Caller caller,
      UUID id,
      @Nullable String title,
      @Nullable String message,
      boolean setEta,
      @Nullable Instant eta) {
    checkAdmin(caller);
    return writeAndTell(
        id,
        current ->
            new Incident(
                current.id(),
                title == null ? current.title() : title.strip(),
                current.category(),
                message == null ? current.message() : message.strip(),
                setEta ? eta : current.eta(),
                current.status(),
                current.scope(),
                current.version() + 1,
                current.createdAt(),
                clock.instant()),
        true);
  }

  /** Resolves the incident and every open complaint linked to it (one notice each). */
  Incident resolve(Caller caller, UUID id) {
    checkAdmin(caller);
    return tx.execute(s -> resolveAll(caller, id));
  }

  private Incident resolveAll(Caller caller, UUID id) {
    Incident resolved =
        writeAndTell(
            id,
            current ->
                new Incident(
                    current.id(),
                    current.title(),
                    current.category(),
                    current.message(),
                    current.eta(),
                    "resolved",
                    current.scope(),
                    current.version() + 1,
                    current.createdAt(),
                    clock.instant()),
            false);
    for (Complaint linked : complaints.openLinked(id)) {
      complaints.resolve(caller, linked.id());
    }
    return resolved;
  }

  /** Links the complaints (each on its own) and tells each newly linked reporter. */
  List<LinkResult> link(Caller caller, UUID id, List<String> complaintIds) {
    checkAdmin(caller);
    Incident incident = get(id);
    if (!incident.active()) {
      throw new IncidentProblems.IncidentOver(id);
    }
    List<LinkResult> results = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String given : complaintIds) {
      if (!seen.add(given)) {
        continue;
      }
      try {
        link(caller, UUID.fromString(given.strip()), id);
        results.add(new LinkResult(given, true, null));
      } catch (ApiException e) {
        results.add(new LinkResult(given, false, e.toProblem()));
      } catch (IllegalArgumentException e) {
        // Not an id at all: as unknown as any complaint the caller may not see.
        results.add(
            new LinkResult(
                given,
                false,
                org.hostel.complaints.complaint.ComplaintProblems.ComplaintNotFound.forReference(
                        given)
                    .toProblem()));
      }
    }
    return results;
  }

  /** The open complaints in the incident's scope and category not linked to it yet. */
  List<String> matching(Caller caller, UUID id) {
    checkAdmin(caller);
    Incident incident = get(id);
    List<String> ids = new ArrayList<>();
    for (Incident.Scope scope : incident.scope()) {
      complaints
          .openMatching(scope.hostel(), Set.copyOf(scope.wings()), incident.category(), id)
          .forEach(c -> ids.add(c.toString()));
    }
    return ids;
  }

  @Override
  public Complaint link(Caller caller, UUID complaintId, UUID incidentId) {
    checkAdmin(caller);
    return tx.execute(
        s -> {
          Incident incident = get(incidentId);
          if (!incident.active()) {
            throw new IncidentProblems.IncidentOver(incidentId);
          }
          Complaint linked = complaints.link(caller, complaintId, incidentId);
          tell(incident, linked);
          return linked;
        });
  }

  /** A new complaint that matches an active incident is linked and its reporter told at once. */
  @EventListener
  void submitted(ComplaintSubmitted event) {
    Complaint c = event.complaint();
    incidents
        .activeFor(c.hostel(), c.wing(), c.category())
        .ifPresent(
            id -> {
              Complaint linked = complaints.linkSubmitted(c, id);
              tell(get(id), linked);
            });
  }

  private interface Step {
    Incident next(Incident current);
  }

  private Incident writeAndTell(UUID id, Step step, boolean tell) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Incident written =
          tx.execute(
              s -> {
                Incident current = get(id);
                if (!current.active()) {
                  throw new IncidentProblems.IncidentOver(id);
                }
                Incident next = step.next(current);
                if (!incidents.update(next, current.version())) {
                  return null;
                }
                if (tell && !next.notice().equals(current.notice())) {
                  complaints.openLinked(id).forEach(c -> tell(next, c));
                }
                return next;
              });
      if (written != null) {
        return written;
      }
    }
    throw new IncidentProblems.Busy();
  }

  private void tell(Incident incident, Complaint complaint) {
    events.publishEvent(
        new ReporterUpdate(
            complaint,
            "incident",
            incident.notice(),
            "incident:" + incident.id() + ":" + incident.version() + ":" + complaint.id()));
  }

  private static void checkAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins may change incidents");
    }
  }
}
