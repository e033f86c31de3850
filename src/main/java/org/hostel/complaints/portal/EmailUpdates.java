package org.hostel.complaints.portal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.ReporterUpdate;
import org.hostel.complaints.complaint.StatusChanged;
import org.hostel.complaints.mail.MailRequest;
import org.hostel.complaints.mail.Mailer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail for portal reporters: the double opt-in (a confirmation link first, nothing else before it
 * is followed), then every status change and every {@link ReporterUpdate}; each mail has an
 * unsubscribe link and {@code List-Unsubscribe}. Mails are stored in the outbox in the transaction
 * of the change (plain listeners run inside it), so a mail server outage loses nothing.
 */
@Service
class EmailUpdates {

  private final Mailer mailer;
  private final PortalRepository reports;
  private final PortalKeys keys;
  private final Clock clock;

  EmailUpdates(Mailer mailer, PortalRepository reports, PortalKeys keys, Clock clock) {
    this.mailer = mailer;
    this.reports = reports;
    this.keys = keys;
    this.clock = clock;
  }

  /** The confirmation mail, with the tracking link the reporter just got. */
  void askToConfirm(Complaint c, String email, String trackingToken) {
    if (!mailer.enabled()) {
      return;
    }
    Map<String, Object> model = model(c);
    model.put("confirm_link", mailer.link(emailPath(c.id(), "/portal/email/")));
    model.put("track_link", mailer.link("/track/" + trackingToken));
    send(c.id(), email, "portal_confirm", model, "portal:confirm:" + c.id());
  }

  /** Confirms the address of the link's report; false for a link that is not valid. */
  @Transactional
  boolean confirm(UUID complaintId, String code) {
    if (!keys.emailCodeMatches(complaintId, code)) {
      return false;
    }
    reports.confirmEmail(complaintId, clock.instant());
    return reports.byComplaint(complaintId).isPresent();
  }

  /** Stops the mails of the link's report; false for a link that is not valid. */
  @Transactional
  boolean unsubscribe(UUID complaintId, String code) {
    if (!keys.emailCodeMatches(complaintId, code)) {
      return false;
    }
    reports.unsubscribe(complaintId, clock.instant());
    return reports.byComplaint(complaintId).isPresent();
  }

  @EventListener
  void statusChanged(StatusChanged event) {
    Complaint c = event.complaint();
    recipient(c)
        .ifPresent(
            to -> {
              Map<String, Object> model = model(c);
              model.put("status", event.newStatus().value().replace('_', ' '));
              send(
                  c.id(),
                  to,
                  "portal_status",
                  model,
                  "portal:status:" + c.id() + ":" + c.version());
            });
  }

  @EventListener
  void reporterUpdate(ReporterUpdate update) {
    Complaint c = update.complaint();
    recipient(c)
        .ifPresent(
            to -> {
              Map<String, Object> model = model(c);
              model.put("text", update.text());
              send(c.id(), to, "portal_update", model, "portal:" + update.dedupKey());
            });
  }

  private Optional<String> recipient(Complaint c) {
    if (!mailer.enabled() || c.telegramUserId() != null) {
      return Optional.empty();
    }
    return reports
        .byComplaint(c.id())
        .filter(r -> !r.spam())
        .flatMap(PortalRepository.Report::mailTo);
  }

  private void send(
      UUID complaintId, String to, String template, Map<String, Object> model, String dedupKey) {
    String unsubscribe = mailer.link(emailPath(complaintId, "/portal/unsubscribe/")).toString();
    mailer.enqueue(new MailRequest(to, template, Locale.ENGLISH, model, unsubscribe, dedupKey));
  }

  private String emailPath(UUID complaintId, String prefix) {
    return prefix + complaintId + "/" + keys.emailCode(complaintId);
  }

  private static Map<String, Object> model(Complaint c) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reference", c.reference());
    model.put("room", c.roomNumber());
    model.put("category", c.category());
    return model;
  }
}
