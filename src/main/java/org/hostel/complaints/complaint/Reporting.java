package org.hostel.complaints.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hostel.complaints.staff.Caller;
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
  private final ComplaintRepository repository;
  private final HistoryRepository history;
  private final RatingRepository ratings;
  private final TransactionTemplate tx;
  private final Clock clock;

  Reporting(
      Catalog catalog,
      SubmissionService submissions,
      ComplaintService complaints,
      ComplaintRepository repository,
      HistoryRepository history,
      RatingRepository ratings,
      TransactionTemplate tx,
      Clock clock) {
    this.catalog = catalog;
    this.submissions = submissions;
    this.complaints = complaints;
    this.repository = repository;
    this.history = history;
    this.ratings = ratings;
    this.tx = tx;
    this.clock = clock;
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
      String telegramUserId,
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
    var request =
        new SubmitComplaintRequest(
            report.telegramUserId(),
            report.hostel(),
            null,
            report.roomNumber(),
            report.category(),
            report.description(),
            report.severity(),
            null);
    return submissions.submit(Caller.integration(), request, key).complaint();
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
              complaints.change(Caller.integration(), c.id(), answer.target, false, null, null);
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
    if (stars < 1 || stars > 5) {
      return false;
    }
    return ofReporter(telegramUserId, reference)
        .filter(c -> c.status() == Status.CLOSED)
        .map(c -> ratings.rate(c.id(), stars, clock.instant()))
        .orElse(false);
  }

  /** Page {@code page} (from 1) of the reporter's complaints. */
  public Page reportedBy(String telegramUserId, int page, int pageSize) {
    var query =
        new ComplaintQuery(null, null, null, null, telegramUserId, null, null, "-created_at");
    ComplaintService.Page found = complaints.list(Caller.integration(), query, page, pageSize);
    return new Page(found.items(), found.total());
  }
}
