package org.hostel.complaints.portal;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.Reporting;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The bot's rule for portal reporters too: a resolved complaint whose reporter did not say whether
 * it is fixed within {@code COMPLAINTS_PORTAL_CONFIRM_AFTER} is closed (their mail then says so).
 */
@Component
class AutoClose {

  private final Reporting reporting;
  private final PortalRepository reports;
  private final PortalSettings settings;
  private final Clock clock;

  AutoClose(Reporting reporting, PortalRepository reports, PortalSettings settings, Clock clock) {
    this.reporting = reporting;
    this.reports = reports;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT10M")
  @SchedulerLock(name = "portal-auto-close", lockAtMostFor = "PT9M")
  void closeUnanswered() {
    for (Complaint c : reporting.resolvedBefore(clock.instant().minus(settings.confirmAfter()))) {
      if (c.telegramUserId() == null && reports.byComplaint(c.id()).isPresent()) {
        reporting.closeUnanswered(c);
      }
    }
  }
}
