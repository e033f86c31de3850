package org.hostel.complaints.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.storage.GroupCommit;
import org.hostel.complaints.storage.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Taking in new complaints, at most once per {@code Idempotency-Key}: the key is claimed in the
 * transaction that stores the complaint, so of concurrent requests with one key exactly one stores,
 * and the others answer with what it stored.
 */
@Service
class SubmissionService {

  private static final int MAX_ATTEMPTS = 5;

  private final ComplaintRepository complaints;
  private final IdempotencyRepository idempotency;
  private final Catalog catalog;
  private final ComplaintService service;
  private final ComplaintPolicy policy;
  private final GroupCommit tx;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final ObjectProvider<ServiceLevels> levels;
  private final ObjectProvider<AutoAssignment> rules;

  SubmissionService(
      ComplaintRepository complaints,
      IdempotencyRepository idempotency,
      Catalog catalog,
      ComplaintService service,
      ComplaintPolicy policy,
      GroupCommit tx,
      Clock clock,
      ApplicationEventPublisher events,
      ObjectProvider<ServiceLevels> levels,
      ObjectProvider<AutoAssignment> rules) {
    this.complaints = complaints;
    this.idempotency = idempotency;
    this.catalog = catalog;
    this.service = service;
    this.policy = policy;
    this.tx = tx;
    this.clock = clock;
    this.events = events;
    this.levels = levels;
    this.rules = rules;
  }

  /** Who a new complaint goes to by the assignment rules; nobody without them. */
  private AutoAssignment.Pick pick(Complaint draft) {
    AutoAssignment auto = rules.getIfAvailable();
    return auto == null
        ? new AutoAssignment.Pick(null, null, null)
        : auto.pick(draft.hostel(), draft.category());
  }

  /** The outcome of a submission; {@code replayed} when an idempotency key matched. */
  record Submission(Complaint complaint, boolean replayed) {}

  Submission submit(Caller caller, SubmitComplaintRequest request, @Nullable String key) {
    Channel channel = request.telegramUserId() == null ? Channel.STAFF : Channel.BOT;
    return submit(caller, request, key, channel);
  }

  /** The same, for a complaint that came in through {@code channel}. */
  Submission submit(
      Caller caller, SubmitComplaintRequest request, @Nullable String key, Channel channel) {
    Instant now = clock.instant();
    Complaint draft = draft(caller, request, now);
    if (key == null) {
      return new Submission(tx.execute(() -> store(draft, caller, channel)), false);
    }
    String hash = hash(draft);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Submission outcome =
          tx.execute(
              () -> {
                if (idempotency.claim(caller.key(), key, hash, draft.id(), now)) {
                  return new Submission(store(draft, caller, channel), false);
                }
                var stored = idempotency.find(caller.key(), key);
                if (stored.isEmpty()) {
                  return null;
                }
                if (!stored.get().requestHash().equals(hash)) {
                  throw ComplaintProblems.Conflict.idempotencyKeyReused();
                }
                // Answered as a read would be now: a complaint since assigned to someone else is
                // as unknown to the caller as any other they cannot see.
                return complaints
                    .find(stored.get().complaintId())
                    .filter(first -> policy.canSee(caller, first))
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

  private Complaint store(Complaint unclocked, Caller caller, Channel channel) {
    AutoAssignment.Pick pick = pick(unclocked);
    Complaint draft =
        unclocked
            .with(unclocked.status(), pick.porter(), unclocked.version(), unclocked.updatedAt())
            .with(unclocked.priority(), null, SlaSteps.start(unclocked, levels.getIfAvailable()));
    Complaint stored = draft.numbered(complaints.insert(draft, channel));
    service.record(stored.submitted(pick.rule()), caller);
    if (pick.porter() == null && pick.unassignedBecause() != null) {
      events.publishEvent(new NotAutoAssigned(stored, pick.unassignedBecause()));
    }
    return stored;
  }

  /** A complaint from a request the controller has validated (see {@link CatalogCheck}). */
  private Complaint draft(Caller caller, SubmitComplaintRequest request, Instant now) {
    var hostel = catalog.hostel(request.hostel()).orElseThrow();
    var category = catalog.category(request.category()).orElseThrow();
    String room = request.roomNumber().toUpperCase(Locale.ROOT);
    String wing =
        request.wing() == null ? room.substring(0, 1) : request.wing().toUpperCase(Locale.ROOT);
    return new Complaint(
        Ids.newId(),
        0,
        request.telegramUserId(),
        hostel.slug(),
        wing,
        room,
        category,
        request.description(),
        request.severity(),
        Status.REPORTED,
        null,
        caller.staffId(),
        1,
        now,
        now,
        Priority.from(request.severity()),
        null,
        Sla.NONE);
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
