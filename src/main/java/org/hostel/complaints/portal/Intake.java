package org.hostel.complaints.portal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.hostel.complaints.complaint.Channel;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.complaint.Severity;
import org.hostel.complaints.photo.PhotoIntake;
import org.hostel.complaints.protection.Limit;
import org.hostel.complaints.protection.RateLimiter;
import org.hostel.complaints.protection.TooManyRequests;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes reports from the public page: the abuse checks (honeypot, fill time, blocked sources,
 * limits per address and room, proof of work over the soft limit, poster codes), then the same
 * submission as every other channel, the tracking link and the e-mail confirmation in one
 * transaction; and the report's photos, through the same checks as any upload.
 */
@Service
class Intake {

  static final int MAX_PHOTOS = 5;
  private static final Duration FORM_LIFETIME = Duration.ofDays(1);

  private final Reporting reporting;
  private final PhotoIntake photos;
  private final PortalRepository reports;
  private final PortalKeys keys;
  private final PortalSettings settings;
  private final RateLimiter limiter;
  private final EmailUpdates mail;
  private final TransactionTemplate tx;
  private final Clock clock;

  Intake(
      Reporting reporting,
      PhotoIntake photos,
      PortalRepository reports,
      PortalKeys keys,
      PortalSettings settings,
      RateLimiter limiter,
      EmailUpdates mail,
      TransactionTemplate tx,
      Clock clock) {
    this.reporting = reporting;
    this.photos = photos;
    this.reports = reports;
    this.keys = keys;
    this.settings = settings;
    this.limiter = limiter;
    this.mail = mail;
    this.tx = tx;
    this.clock = clock;
  }

  /** What the page sends; every field as typed, possibly missing. */
  record Form(
      @Nullable String hostel,
      @Nullable String roomNumber,
      @Nullable String category,
      @Nullable String description,
      @Nullable String severity,
      @Nullable String name,
      @Nullable String email,
      @Nullable String poster,
      @Nullable String website,
      @Nullable String stamp,
      @Nullable String proof) {}

  /** A stored report: its complaint and the tracking token (shown once, never stored). */
  record Submitted(Complaint complaint, String token) {}

  Submitted submit(Form form, String address) {
    Instant now = clock.instant();
    if (form.website() != null && !form.website().isBlank()) {
      throw new PortalProblems.Refused("This form was filled in automatically");
    }
    checkStamp(form.stamp(), now);
    String source = keys.source(address);
    if (reports.blocked(source, now)) {
      throw new PortalProblems.Blocked();
    }
    Channel channel = checkPoster(form);
    String email = email(form.email());
    String name = name(form.name());
    Severity severity = severity(form.severity());
    spend("portal-address:" + source, settings.addressLimit(), "reports from this network");
    String room = String.valueOf(form.roomNumber()).strip().toUpperCase(Locale.ROOT);
    String hostel = String.valueOf(form.hostel()).strip().toLowerCase(Locale.ROOT);
    spend("portal-room:" + hostel + ":" + room, settings.roomLimit(), "reports for room");
    if (!limiter.tryAcquire("portal-soft:" + source, Limit.parse(settings.softLimit())).allowed()
        && !PortalKeys.proofHolds(
            String.valueOf(form.stamp()), String.valueOf(form.proof()), settings.proofBits())) {
      throw new PortalProblems.ProofRequired(settings.proofBits());
    }
    var report =
        new Reporting.Report(
            null,
            String.valueOf(form.hostel()),
            String.valueOf(form.roomNumber()),
            String.valueOf(form.category()),
            form.description(),
            severity);
    String token = PortalKeys.token();
    Complaint stored =
        tx.execute(
            s -> {
              Complaint c = reporting.submitFrom(channel, report);
              reports.insert(c.id(), PortalKeys.hash(token), name, email, source, now);
              if (email != null) {
                mail.askToConfirm(c, email, token);
              }
              return c;
            });
    return new Submitted(stored, token);
  }

  /** Adds a photo to the report the token opens, within its window and the portal's limit. */
  UUID addPhoto(String token, String filename, InputStream content) {
    PortalRepository.Report report =
        reports.byToken(PortalKeys.hash(token)).orElseThrow(PortalProblems::unknownLink);
    if (report.createdAt().plus(settings.photoWindow()).isBefore(clock.instant())) {
      throw new PortalProblems.NotNow("Photos can be added only soon after the report");
    }
    if (!reports.claimPhoto(report.complaintId(), MAX_PHOTOS)) {
      throw new PortalProblems.NotNow("A report has at most " + MAX_PHOTOS + " photos");
    }
    try {
      return photos.add(Caller.integration(), report.complaintId(), filename, content);
    } catch (RuntimeException e) {
      reports.releasePhoto(report.complaintId());
      throw e;
    }
  }

  private void checkStamp(@Nullable String stamp, Instant now) {
    long served = stamp == null ? -1 : keys.stampTime(stamp);
    if (served < 0) {
      throw new PortalProblems.Refused("Open the report page again and send the form from there");
    }
    long age = now.toEpochMilli() - served;
    if (age < settings.minFillTime().toMillis()) {
      throw new PortalProblems.Refused("The form was sent too quickly; check it and send it again");
    }
    if (age > FORM_LIFETIME.toMillis()) {
      throw new PortalProblems.Refused("The form is too old; open the report page again");
    }
  }

  /** POSTER when a poster code proves the room; free-typed rooms only when allowed. */
  private Channel checkPoster(Form form) {
    if (form.poster() == null || form.poster().isBlank()) {
      if (settings.requirePosterCode()) {
        throw ValidationFailed.of(
            "poster", "Reports are taken from room posters only: scan the code in your corridor");
      }
      return Channel.PORTAL;
    }
    String hostel = form.hostel() == null ? "" : form.hostel().strip();
    String room =
        form.roomNumber() == null ? "" : form.roomNumber().strip().toUpperCase(Locale.ROOT);
    if (!keys.posterCodeMatches(hostel, room, form.poster().strip())) {
      throw ValidationFailed.of("poster", "This poster code is not valid for this room");
    }
    return Channel.POSTER;
  }

  private void spend(String key, String limit, String what) {
    RateLimiter.Decision decision = limiter.tryAcquire(key, Limit.parse(limit));
    if (!decision.allowed()) {
      throw TooManyRequests.retryAfter(what, decision.retryAfterSeconds());
    }
  }

  private static @Nullable String email(@Nullable String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    String email = given.strip();
    if (email.length() > 254 || !email.matches("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;]+")) {
      throw ValidationFailed.of("email", "E-mail must be an address such as name@example.org");
    }
    return email;
  }

  private static @Nullable String name(@Nullable String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    String name = given.strip();
    if (name.length() > 80 || !name.matches("[^\\p{Cntrl}]*")) {
      throw ValidationFailed.of("name", "Name must be at most 80 characters on one line");
    }
    return name;
  }

  private static Severity severity(@Nullable String given) {
    try {
      return Severity.valueOf(String.valueOf(given).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ValidationFailed.of("severity", "Severity must be one of low, medium, high");
    }
  }
}
