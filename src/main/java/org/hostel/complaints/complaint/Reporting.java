package org.hostel.complaints.complaint;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.ApiException.FieldProblem;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a reporter's channel (the Telegram bot) needs from complaints, with the rights of the
 * integration: the catalog to offer, idempotent submission, and the reporter's own complaints. A
 * reporter sees only complaints they reported, whatever the integration could read.
 */
@Service
public class Reporting {

  private final Catalog catalog;
  private final SubmissionService submissions;
  private final ComplaintService complaints;
  private final ComplaintPages pages;
  private final ComplaintRepository repository;
  private final HistoryRepository history;
  private final RatingRepository ratings;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Validator validator;

  Reporting(
      Catalog catalog,
      SubmissionService submissions,
      ComplaintService complaints,
      ComplaintPages pages,
      ComplaintRepository repository,
      HistoryRepository history,
      RatingRepository ratings,
      TransactionTemplate tx,
      Clock clock,
      Validator validator) {
    this.catalog = catalog;
    this.submissions = submissions;
    this.complaints = complaints;
    this.pages = pages;
    this.repository = repository;
    this.history = history;
    this.ratings = ratings;
    this.tx = tx;
    this.clock = clock;
    this.validator = validator;
  }

  /** How a resolved complaint's reporter answered "Is it fixed?", as its history records it. */
  public enum Answer {
    CONFIRMED(Status.CLOSED),
    REOPENED(Status.IN_PROGRESS),
    NO_ANSWER(Status.CLOSED);

    private final Status target;

    Answer(Status target) {
      this.target = target;
    }
  }

  /** A hostel to choose from: its slug and the name people know. */
  public record Hostel(String slug, String name) {}

  /** What a reporter tells about a problem. */
  public record Report(
      @Nullable String telegramUserId,
      String hostel,
      String roomNumber,
      String category,
      String description,
      Severity severity) {}

  /** One page of a reporter's complaints, newest first, and how many they have in all. */
  public record Page(List<Complaint> items, long total) {}

  public List<Hostel> hostels() {
    return catalog.hostels().stream().map(h -> new Hostel(h.slug(), h.displayName())).toList();
  }

  public List<String> categories() {
    return catalog.categories();
  }

  /** The room as it will be stored, if it has the catalog's format. */
  public Optional<String> room(String typed) {
    String room = typed.strip().toUpperCase(Locale.ROOT);
    return catalog.roomMatches(room) ? Optional.of(room) : Optional.empty();
  }

  /** A room number in the catalog's format, for people who typed one that is not. */
  public String roomExample() {
    return catalog.roomExample();
  }

  /**
   * Submits once per {@code key}: a repeated call with the same key and report answers the
   * complaint the first one stored.
   */
  public Complaint submit(Report report, String key) {
    var request = request(report, report.telegramUserId());
    return submissions.submit(Caller.integration(), request, key).complaint();
  }

  /**
   * Submits a report that came in through {@code channel} without a Telegram account (the public
   * web page), under the same checks as the API: every wrong field at once, as a 422.
   *
   * @throws org.hostel.complaints.web.ValidationFailed when a field is wrong
   */
  public Complaint submitFrom(Channel channel, Report report) {
    var request = request(report, null);
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<SubmitComplaintRequest> v : validator.validate(request)) {
      String field = v.getPropertyPath().toString().replaceAll("([A-Z])", "_$1");
      problems.add(new FieldProblem(field.toLowerCase(Locale.ROOT), v.getMessage()));
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      throw ValidationFailed.of(problems);
    }
    return submissions.submit(Caller.integration(), request, null, channel).complaint();
  }

  /** The complaint, whoever reported it (for a channel that holds its own proof, a link). */
  public Optional<Complaint> find(UUID id) {
    return repository.find(id);
  }

  /** Takes a complaint marked as spam out of every list, search and export; by id it stays. */
  public void hide(UUID id, java.time.Instant at) {
    repository.hide(id, at);
  }

  /** Its history as a reporter may see it: what happened and when, without assignments. */
  public List<Step> steps(UUID id) {
    return history.forComplaint(id, null).stream()
        .filter(r -> !r.action().equals(HistoryAction.ASSIGNMENT.value()))
        .map(
            r ->
                new Step(
                    r.at(),
                    r.action(),
                    r.action().startsWith("photo") ? null : r.to(),
                    r.actorId()))
        .toList();
  }

  /**
   * One step in a complaint's history; {@code actorId} is the staff member's, for channels that
   * name them.
   */
  public record Step(Instant at, String action, @Nullable String to, @Nullable UUID actorId) {}

  /**
   * The reporter's answer to "Is it fixed?", for a channel that identifies the complaint itself;
   * the same rules as {@link #answer}.
   */
  public Optional<Complaint> answer(UUID id, Answer answer) {
    return repository.find(id).map(c -> settle(c, answer));
  }

  /** The reporter's rating, as {@link #rate(String, String, int)}, by the complaint's id. */
  public boolean rate(UUID id, int stars) {
    if (stars < 1 || stars > 5) {
      return false;
    }
    return repository
        .find(id)
        .filter(c -> c.status() == Status.CLOSED)
        .map(c -> ratings.rate(c.id(), stars, clock.instant()))
        .orElse(false);
  }

  /** The complaint's rating, once given. */
  public Optional<Integer> rating(UUID id) {
    return Optional.ofNullable(ratings.of(List.of(id)).get(id));
  }

  /** The complaint with this reference, if this reporter reported it. */
  public Optional<Complaint> ofReporter(String telegramUserId, String reference) {
    return Complaint.number(reference).stream()
        .mapToObj(repository::findByNumber)
        .flatMap(Optional::stream)
        .filter(c -> telegramUserId.equals(c.telegramUserId()))
        .findFirst();
  }

  /**
   * The reporter's answer to "Is it fixed?" for a resolved complaint of theirs: closes it or
   * reopens it, with a history line saying so. A complaint that is no longer resolved is left as it
   * is (someone else moved it first).
   *
   * @return the complaint after the answer; empty when it is not this reporter's
   */
  public Optional<Complaint> answer(String telegramUserId, String reference, Answer answer) {
    return ofReporter(telegramUserId, reference).map(c -> settle(c, answer));
  }

  /**
   * Resolved complaints with a reporter in Telegram, last changed before {@code before}: their
   * reporters were asked and did not answer.
   */
  public List<Complaint> unanswered(Instant before) {
    return repository.finishedBefore(Status.RESOLVED, before).stream()
        .map(repository::find)
        .flatMap(Optional::stream)
        .filter(c -> c.status() == Status.RESOLVED && c.telegramUserId() != null)
        .toList();
  }

  /**
   * Resolved complaints last changed before {@code before}, whoever reported them; a channel keeps
   * those of its own reporters and closes them with {@link #closeUnanswered}.
   */
  public List<Complaint> resolvedBefore(Instant before) {
    return repository.finishedBefore(Status.RESOLVED, before).stream()
        .map(repository::find)
        .flatMap(Optional::stream)
        .filter(c -> c.status() == Status.RESOLVED)
        .toList();
  }

  /** Closes a complaint whose reporter did not answer in time. */
  public Complaint closeUnanswered(Complaint resolved) {
    return settle(resolved, Answer.NO_ANSWER);
  }

  /**
   * Checks the status again in the transaction that moves it, so an answer to a complaint moved
   * meanwhile changes nothing (a failed move would roll back the caller's transaction with it).
   */
  private Complaint settle(Complaint given, Answer answer) {
    return tx.execute(
        s -> {
          Complaint c = repository.find(given.id()).orElse(given);
          if (c.status() != Status.RESOLVED) {
            return c;
          }
          Complaint after =
              complaints.change(
                  Caller.integration(),
                  c.id(),
                  ComplaintService.Edit.status(answer.target, null),
                  null);
          history.append(
              c.id(),
              clock.instant(),
              null,
              HistoryAction.REPORTER.entry(null, answer.name().toLowerCase(Locale.ROOT)));
          return after;
        });
  }

  /**
   * The reporter's 1-5 star rating of a closed complaint of theirs; only the first one counts.
   *
   * @return false when it is not theirs, not closed, or rated already
   */
  public boolean rate(String telegramUserId, String reference, int stars) {
    return ofReporter(telegramUserId, reference).map(c -> rate(c.id(), stars)).orElse(false);
  }

  /** Page {@code page} (from 1) of the reporter's complaints. */
  public Page reportedBy(String telegramUserId, int page, int pageSize) {
    var query = ComplaintQuery.reportedBy(telegramUserId);
    ComplaintPages.Page found = pages.list(Caller.integration(), query, page, pageSize, null);
    return new Page(found.items(), found.total());
  }

  private static SubmitComplaintRequest request(Report report, @Nullable String telegramUserId) {
    return new SubmitComplaintRequest(
        telegramUserId,
        report.hostel(),
        null,
        report.roomNumber(),
        report.category(),
        report.description(),
        report.severity(),
        null);
  }
}
