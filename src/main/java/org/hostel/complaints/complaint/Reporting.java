package org.hostel.complaints.complaint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hostel.complaints.staff.Caller;
import org.springframework.stereotype.Service;

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

  Reporting(
      Catalog catalog,
      SubmissionService submissions,
      ComplaintService complaints,
      ComplaintRepository repository) {
    this.catalog = catalog;
    this.submissions = submissions;
    this.complaints = complaints;
    this.repository = repository;
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
            report.severity());
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

  /** Page {@code page} (from 1) of the reporter's complaints. */
  public Page reportedBy(String telegramUserId, int page, int pageSize) {
    var query =
        new ComplaintQuery(null, null, null, null, telegramUserId, null, null, "-created_at");
    ComplaintService.Page found = complaints.list(Caller.integration(), query, page, pageSize);
    return new Page(found.items(), found.total());
  }
}
