package org.hostel.complaints.portal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hostel.complaints.comment.PublicComments;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.complaint.Status;
import org.hostel.complaints.staff.StaffService;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What a tracking link opens: the complaint as its reporter may see it (no staff names, no
 * assignee), and the reporter's answers with the bot's rules ({@link Reporting}).
 */
@Service
class Tracking {

  private final PortalRepository reports;
  private final Reporting reporting;
  private final StaffService staff;
  private final PortalSettings settings;
  private final PublicComments comments;

  Tracking(
      PortalRepository reports,
      Reporting reporting,
      StaffService staff,
      PortalSettings settings,
      PublicComments comments) {
    this.reports = reports;
    this.reporting = reporting;
    this.staff = staff;
    this.settings = settings;
    this.comments = comments;
  }

  /**
   * One step of the history as the reporter sees it; {@code by} names the staff member only with
   * {@code COMPLAINTS_PORTAL_STAFF_NAMES=true}.
   */
  record Step(Instant at, String action, @Nullable String to, @Nullable String by) {}

  /** A public comment, without its author's name. */
  record Comment(Instant at, String text) {}

  /** The complaint behind a tracking link. */
  record View(
      String reference,
      String hostel,
      String roomNumber,
      String category,
      String description,
      String severity,
      Status status,
      Instant createdAt,
      Instant updatedAt,
      List<Step> history,
      List<Comment> comments,
      @Nullable Integer rating,
      boolean canConfirm,
      boolean canRate) {}

  View view(String token) {
    return view(complaint(token));
  }

  /** "Fixed" closes a resolved complaint, "not fixed" reopens it: the bot's answer. */
  View confirm(String token, boolean fixed) {
    Complaint c = complaint(token);
    if (c.status() != Status.RESOLVED) {
      throw new PortalProblems.NotNow(
          "Only a resolved complaint can be confirmed or reopened; this one is " + c.status());
    }
    reporting.answer(c.id(), fixed ? Reporting.Answer.CONFIRMED : Reporting.Answer.REOPENED);
    return view(complaint(token));
  }

  View rate(String token, int stars) {
    if (stars < 1 || stars > 5) {
      throw ValidationFailed.of("stars", "Stars must be 1 to 5");
    }
    Complaint c = complaint(token);
    if (!reporting.rate(c.id(), stars)) {
      throw new PortalProblems.NotNow("Only a closed complaint can be rated, and only once");
    }
    return view(c);
  }

  private Complaint complaint(String token) {
    if (token.length() < 20 || token.length() > 64) {
      throw PortalProblems.unknownLink();
    }
    return reports
        .byToken(PortalKeys.hash(token))
        .filter(r -> !r.spam())
        .flatMap(r -> reporting.find(r.complaintId()))
        .orElseThrow(PortalProblems::unknownLink);
  }

  private View view(Complaint c) {
    Integer rating = reporting.rating(c.id()).orElse(null);
    // Comments are shown on their own, public ones only: their history lines would give away
    // that internal notes exist.
    List<Reporting.Step> history =
        reporting.steps(c.id()).stream().filter(s -> !s.action().startsWith("comment")).toList();
    Map<UUID, String> names =
        settings.staffNames()
            ? staff.names(
                history.stream().map(Reporting.Step::actorId).filter(Objects::nonNull).toList())
            : Map.of();
    List<Step> steps =
        history.stream()
            .map(
                s ->
                    new Step(
                        s.at(),
                        s.action(),
                        s.to(),
                        s.actorId() == null ? null : names.get(s.actorId())))
            .toList();
    return new View(
        c.reference(),
        c.hostel(),
        c.roomNumber(),
        c.category(),
        c.description(),
        c.severity().value(),
        c.status(),
        c.createdAt(),
        c.updatedAt(),
        steps,
        comments.of(c.id()).stream().map(m -> new Comment(m.createdAt(), m.body())).toList(),
        rating,
        c.status() == Status.RESOLVED,
        c.status() == Status.CLOSED && rating == null);
  }
}
