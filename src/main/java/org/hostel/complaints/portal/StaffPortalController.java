package org.hostel.complaints.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.hostel.complaints.complaint.ComplaintService;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What staff do with portal reports: read the reporter's contact (admins only: personal data),
 * revoke a tracking link, mark a report as spam (hides its tracking page, blocks its source).
 */
@RestController
class StaffPortalController {

  private final ComplaintService complaints;
  private final Reporting reporting;
  private final PortalRepository reports;
  private final PortalSettings settings;
  private final Clock clock;

  StaffPortalController(
      ComplaintService complaints,
      Reporting reporting,
      PortalRepository reports,
      PortalSettings settings,
      Clock clock) {
    this.complaints = complaints;
    this.reporting = reporting;
    this.reports = reports;
    this.settings = settings;
    this.clock = clock;
  }

  record Reporter(
      @Nullable String name,
      @Nullable String email,
      boolean emailConfirmed,
      boolean unsubscribed,
      boolean trackingRevoked,
      boolean spam) {}

  @Operation(
      summary = "The portal reporter's contact",
      description =
          "Name and e-mail a resident left on the public page, and the state of their e-mail updates and tracking link. Admins only (personal data); 404 when the complaint did not come through the portal.")
  @GetMapping("/api/v1/complaints/{id}/reporter")
  Reporter reporter(Caller caller, @PathVariable UUID id) {
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins see reporters' contacts");
    }
    PortalRepository.Report r = report(caller, id);
    return new Reporter(
        r.name(), r.email(), r.emailConfirmed(), r.unsubscribed(), r.revoked(), r.spam());
  }

  @Operation(
      summary = "Revoke the tracking link",
      description =
          "The complaint's private tracking link stops working (404) at once; staff who may see the complaint. 404 when it has no live link.")
  @ApiResponse(responseCode = "204", description = "Revoked")
  @DeleteMapping("/api/v1/complaints/{id}/tracking-link")
  @Transactional
  ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID id) {
    staffOnly(caller);
    report(caller, id);
    if (!reports.revoke(id, clock.instant())) {
      throw new PortalProblems.NotFound("The complaint has no live tracking link");
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Mark a portal report as spam",
      description =
          "Hides it from its reporter (the tracking link is revoked, no more mails) and from staff lists, search, similar complaints and exports (it stays readable by id) and refuses new reports from its source for `COMPLAINTS_PORTAL_SPAM_BLOCK` (a day). Staff who may see the complaint; 404 when it did not come through the portal.")
  @ApiResponse(responseCode = "204", description = "Marked")
  @PostMapping("/api/v1/complaints/{id}/spam")
  @Transactional
  ResponseEntity<Void> spam(Caller caller, @PathVariable UUID id) {
    staffOnly(caller);
    PortalRepository.Report r = report(caller, id);
    Instant now = clock.instant();
    reports.markSpam(id, now);
    reporting.hide(id, now);
    reports.block(r.source(), now.plus(settings.spamBlock()));
    return ResponseEntity.noContent().build();
  }

  private PortalRepository.Report report(Caller caller, UUID id) {
    complaints.visible(caller, id);
    return reports
        .byComplaint(id)
        .orElseThrow(
            () ->
                new PortalProblems.NotFound(
                    "Complaint " + id + " was not reported through the portal"));
  }

  private static void staffOnly(Caller caller) {
    if (!caller.isStaff()) {
      throw AccessDenied.because("Only staff may do this");
    }
  }
}
