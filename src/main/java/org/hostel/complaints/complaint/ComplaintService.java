package org.hostel.complaints.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.staff.StaffService;
import org.hostel.complaints.storage.Ids;
import org.hostel.complaints.storage.ReadReplica;
import org.hostel.complaints.web.ApiException.FieldProblem;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a complaint. Every write runs in one transaction, records its history and publishes
 * its event, which listeners see only after the commit.
 */
@Service
public class ComplaintService {

  private static final int MAX_ATTEMPTS = 5;

  private final ComplaintRepository complaints;
  private final HistoryRepository history;
  private final IdempotencyRepository idempotency;
  private final Catalog catalog;
  private final StaffService staff;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ObjectProvider<PhotoLinks> photos;
  private final ReadReplica replica;

  ComplaintService(
      ComplaintRepository complaints,
      HistoryRepository history,
      IdempotencyRepository idempotency,
      Catalog catalog,
      StaffService staff,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock,
      ObjectProvider<PhotoLinks> photos,
      ReadReplica replica) {
    this.complaints = complaints;
    this.history = history;
    this.idempotency = idempotency;
    this.catalog = catalog;
    this.staff = staff;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
    this.photos = photos;
    this.replica = replica;
  }

  /** The outcome of a submission; {@code replayed} when an idempotency key matched. */
  record Submission(Complaint complaint, boolean replayed) {}

  /** A page of complaints and the number of all that match. */
  record Page(List<Complaint> items, long total) {}

  /** Filters as they arrive; every one is optional. */
  record Query(
      @Nullable String status,
      @Nullable String hostel,
      @Nullable String category,
      @Nullable String severity,
      @Nullable String telegramUserId,
      @Nullable UUID assignedPorterId,
      @Nullable String q,
      @Nullable String sort) {}

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

  Submission submit(Caller caller, SubmitComplaintRequest request, @Nullable String key) {
    Instant now = clock.instant();
    Complaint draft = draft(caller, request, now);
    if (key == null) {
      tx.executeWithoutResult(status -> store(draft, caller));
      return new Submission(draft, false);
    }
    String hash = hash(draft);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Submission outcome =
          tx.execute(
              status -> {
                if (idempotency.claim(caller.key(), key, hash, draft.id(), now)) {
                  store(draft, caller);
                  return new Submission(draft, false);
                }
                var stored = idempotency.find(caller.key(), key);
                if (stored.isEmpty()) {
                  return null;
                }
                if (!stored.get().requestHash().equals(hash)) {
                  throw ComplaintProblems.Conflict.idempotencyKeyReused();
                }
                return complaints
                    .find(stored.get().complaintId())
                    .map(first -> new Submission(first, true))
                    .orElseThrow(
                        () ->
                            ComplaintProblems.ComplaintNotFound.forId(stored.get().complaintId()));
              });
      if (outcome != null) {
        return outcome;
      }
    }
    throw ComplaintProblems.Conflict.busy();
  }

  /** The complaint, if the caller may see it; 404 otherwise. */
  public Complaint visible(Caller caller, UUID id) {
    return complaints
        .find(id)
        .filter(c -> ComplaintAccess.canSee(caller, c))
        .orElseThrow(() -> ComplaintProblems.ComplaintNotFound.forId(id));
  }

  /**
   * Records a photo added to or removed from a complaint: appends {@code action} to its history
   * (the photo id as {@code to} when added, as {@code from} when removed) and moves its version and
   * {@code updated_at} on. Joins the caller's transaction, in which it also holds the complaint's
   * row until the commit, so photo counts checked afterwards cannot race. Visibility is the
   * caller's to check first.
   *
   * @param action {@code photo_added} or {@code photo_removed}
   * @return the complaint after the change
   */
  public Complaint recordPhotoChange(
      Caller caller, UUID complaintId, String action, String photoId) {
    boolean removed = action.endsWith("_removed");
    return tx.execute(
        s -> {
          Instant now = clock.instant();
          if (!complaints.touch(complaintId, now)) {
            throw ComplaintProblems.ComplaintNotFound.forId(complaintId);
          }
          history.append(
              complaintId,
              now,
              caller.staffId(),
              action,
              removed ? photoId : null,
              removed ? null : photoId);
          return complaints
              .find(complaintId)
              .orElseThrow(() -> ComplaintProblems.ComplaintNotFound.forId(complaintId));
        });
  }

  Page list(Caller caller, Query query, int page, int pageSize) {
    ComplaintRepository.Filter filter = filter(caller, query);
    ComplaintRepository.Order order =
        ComplaintRepository.Order.named(query.sort() == null ? "-created_at" : query.sort().strip())
            .orElseThrow(
                () ->
                    ValidationFailed.of(
                        "sort",
                        "must be one of " + String.join(", ", ComplaintRepository.Order.names())));
    var listing = complaints.listing(replica.current().orElse(null));
    long total = listing.count(filter);
    long offset = (long) (page - 1) * pageSize;
    List<Complaint> items =
        offset >= total ? List.of() : listing.page(filter, order, pageSize, offset);
    return new Page(items, total);
  }

  /**
   * Applies an assignment and/or a status change together or not at all. The assignment is applied
   * first, so a porter can take an unassigned complaint and start it in one request. Without {@code
   * ifMatch} a concurrent change is retried against the new state (and the rules checked again);
   * with it, any change since that version is a 412.
   */
  Complaint change(
      Caller caller,
      UUID id,
      @Nullable Status status,
      boolean assign,
      @Nullable UUID assignee,
      @Nullable Long ifMatch) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Complaint result = tx.execute(s -> changeOnce(caller, id, status, assign, assignee, ifMatch));
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
    ComplaintAccess.checkHistory(caller);
    return named(history.forComplaint(id, null));
  }

  List<HistoryEntry> assignments(Caller caller, UUID id) {
    visible(caller, id);
    ComplaintAccess.checkAssignments(caller);
    return named(history.forComplaint(id, "assignment")).reversed();
  }

  /** Photo URLs for each of the complaints. */
  Map<UUID, List<String>> photoUrls(List<Complaint> list) {
    PhotoLinks links = photos.getIfAvailable();
    if (links == null || list.isEmpty()) {
      return Map.of();
    }
    return links.urls(list.stream().map(Complaint::id).toList());
  }

  Map<Status, Long> countByStatus() {
    return complaints.countByStatus();
  }

  private @Nullable Complaint changeOnce(
      Caller caller,
      UUID id,
      @Nullable Status status,
      boolean assign,
      @Nullable UUID assignee,
      @Nullable Long ifMatch) {
    Complaint current = visible(caller, id);
    if (ifMatch != null && current.version() != ifMatch) {
      throw ComplaintProblems.StaleVersion.of(current.version());
    }
    Complaint next = current;
    List<Object> published = new ArrayList<>();
    Instant now = clock.instant();
    if (assign) {
      ComplaintAccess.checkAssignment(caller, next, assignee);
      if (!Objects.equals(next.assignedPorterId(), assignee)) {
        if (next.status() == Status.CLOSED) {
          throw ComplaintProblems.IllegalTransition.closed();
        }
        if (assignee != null && staff.findActive(assignee).isEmpty()) {
          throw ValidationFailed.of("assigned_porter_id", "is not an active staff member");
        }
        next = next.withAssignee(assignee);
      }
    }
    if (status != null) {
      ComplaintAccess.checkStatusChange(caller, next, status);
      if (next.status() != status) {
        if (!next.status().canMoveTo(status)) {
          throw ComplaintProblems.IllegalTransition.of(next.status(), status);
        }
        next = next.withStatus(status);
      }
    }
    if (next.equals(current)) {
      return current;
    }
    Complaint stored = next.touched(now);
    if (!complaints.update(stored, current.version())) {
      return null;
    }
    if (!Objects.equals(current.assignedPorterId(), stored.assignedPorterId())) {
      history.append(
          id,
          now,
          caller.staffId(),
          "assignment",
          text(current.assignedPorterId()),
          text(stored.assignedPorterId()));
      published.add(
          new AssignmentChanged(
              stored, current.assignedPorterId(), stored.assignedPorterId(), caller.staffId()));
    }
    if (current.status() != stored.status()) {
      history.append(
          id, now, caller.staffId(), "status", current.status().value(), stored.status().value());
      published.add(new StatusChanged(stored, current.status(), stored.status(), caller.staffId()));
    }
    published.forEach(events::publishEvent);
    return stored;
  }

  private void store(Complaint complaint, Caller caller) {
    complaints.insert(complaint);
    history.append(
        complaint.id(),
        complaint.createdAt(),
        caller.staffId(),
        "created",
        null,
        complaint.status().value());
    events.publishEvent(new ComplaintSubmitted(complaint));
  }

  private Complaint draft(Caller caller, SubmitComplaintRequest request, Instant now) {
    List<FieldProblem> problems = new ArrayList<>();
    var hostel = catalog.hostel(request.hostel());
    if (hostel.isEmpty()) {
      problems.add(
          new FieldProblem(
              "hostel",
              "is not a known hostel; one of "
                  + String.join(
                      ", ", catalog.hostels().stream().map(Catalog.Hostel::slug).toList())));
    }
    var category = catalog.category(request.category());
    if (category.isEmpty()) {
      problems.add(
          new FieldProblem(
              "category", "must be one of " + String.join(", ", catalog.categories())));
    }
    String room = request.roomNumber().toUpperCase(Locale.ROOT);
    if (!catalog.roomMatches(room)) {
      problems.add(new FieldProblem("room_number", "must match " + catalog.roomPattern()));
    }
    String wing =
        request.wing() == null ? room.substring(0, 1) : request.wing().toUpperCase(Locale.ROOT);
    if (!wing.matches("[A-Z0-9]{1,8}")) {
      problems.add(new FieldProblem("wing", "must be 1 to 8 letters or digits"));
    }
    if (!problems.isEmpty()) {
      throw ValidationFailed.of(problems);
    }
    return new Complaint(
        Ids.newId(),
        request.telegramUserId(),
        hostel.get().slug(),
        wing,
        room,
        category.get(),
        request.description(),
        request.severity(),
        Status.REPORTED,
        null,
        caller.staffId(),
        1,
        now,
        now);
  }

  private ComplaintRepository.Filter filter(Caller caller, Query query) {
    List<FieldProblem> problems = new ArrayList<>();
    Status status = null;
    if (query.status() != null) {
      try {
        status = Status.fromValue(query.status().strip());
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem("status", "must be one of reported, in_progress, resolved, closed"));
      }
    }
    Severity severity = null;
    if (query.severity() != null) {
      try {
        severity = Severity.fromValue(query.severity().strip());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("severity", "must be one of low, medium, high"));
      }
    }
    String hostel = null;
    if (query.hostel() != null) {
      var found = catalog.hostel(query.hostel());
      if (found.isEmpty()) {
        problems.add(new FieldProblem("hostel", "is not a known hostel"));
      } else {
        hostel = found.get().slug();
      }
    }
    String category = null;
    if (query.category() != null) {
      var found = catalog.category(query.category());
      if (found.isEmpty()) {
        problems.add(
            new FieldProblem(
                "category", "must be one of " + String.join(", ", catalog.categories())));
      } else {
        category = found.get();
      }
    }
    if (query.telegramUserId() != null && !query.telegramUserId().matches("[0-9]{1,20}")) {
      problems.add(new FieldProblem("telegram_user_id", "must be 1 to 20 digits"));
    }
    String text = query.q() == null || query.q().isBlank() ? null : query.q().strip();
    if (text != null && text.length() > 200) {
      problems.add(new FieldProblem("q", "must be at most 200 characters"));
    }
    if (!problems.isEmpty()) {
      throw ValidationFailed.of(problems);
    }
    return new ComplaintRepository.Filter(
        status,
        hostel,
        category,
        severity,
        query.telegramUserId(),
        query.assignedPorterId(),
        text,
        ComplaintAccess.listScope(caller));
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

  private static @Nullable String text(@Nullable UUID id) {
    return id == null ? null : id.toString();
  }

  private static String hash(Complaint c) {
    String canonical =
        String.join(
            "\u0000",
            String.valueOf(c.telegramUserId()),
            c.hostel(),
            c.wing(),
            c.roomNumber(),
            c.category(),
            c.description(),
            c.severity().value());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
