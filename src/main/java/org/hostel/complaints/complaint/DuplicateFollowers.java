package org.hostel.complaints.complaint;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reporters of duplicates follow the master: every message to the master's reporter, and every
 * status change of the master, reaches each duplicate's reporter too, as a {@link ReporterUpdate}
 * for the duplicate (so through that reporter's own channel), in the same transaction. Duplicates
 * are one level deep ({@link MergeService}), so this never repeats itself.
 */
@Component
class DuplicateFollowers {

  private final DuplicateRepository duplicates;
  private final ApplicationEventPublisher events;

  DuplicateFollowers(DuplicateRepository duplicates, ApplicationEventPublisher events) {
    this.duplicates = duplicates;
    this.events = events;
  }

  @EventListener
  void statusChanged(StatusChanged event) {
    Complaint master = event.complaint();
    for (Complaint duplicate : duplicates.duplicatesOf(master.id())) {
      events.publishEvent(
          new ReporterUpdate(
              duplicate,
              "master-status",
              master.reference() + ", the same problem as yours, is now " + event.newStatus() + ".",
              "master-status:" + master.id() + ":" + master.version() + ":" + duplicate.id()));
    }
  }

  @EventListener
  void update(ReporterUpdate update) {
    Complaint master = update.complaint();
    for (Complaint duplicate : duplicates.duplicatesOf(master.id())) {
      events.publishEvent(
          new ReporterUpdate(
              duplicate,
              update.kind(),
              master.reference() + ", the same problem as yours: " + update.text(),
              update.dedupKey() + ":" + duplicate.id()));
    }
  }
}
