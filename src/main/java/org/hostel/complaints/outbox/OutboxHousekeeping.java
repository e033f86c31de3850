package org.hostel.complaints.outbox;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes finished messages (sent, failed, suppressed) once they are older than the retention: they
 * hold addresses and texts that are personal data, and dedup keys only matter while a duplicate
 * could still be enqueued.
 */
@Component
class OutboxHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);

  private static final int BATCH = 1000;

  private final OutboxRepository repository;
  private final OutboxSettings settings;
  private final Clock clock;

  OutboxHousekeeping(OutboxRepository repository, OutboxSettings settings, Clock clock) {
    this.repository = repository;
    this.settings = settings;
    this.clock = clock;
  }

  /** Hourly, on one instance at a time (the others would only find nothing left to delete). */
  @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
  @SchedulerLock(name = "outbox-housekeeping", lockAtMostFor = "PT30M")
  public void deleteFinished() {
    long cutoff = clock.millis() - settings.retention().toMillis();
    int deleted = 0;
    int batch;
    do {
      batch = repository.deleteFinishedBefore(cutoff, BATCH);
      deleted += batch;
    } while (batch == BATCH);
    if (deleted > 0) {
      log.info(
          "Deleted {} outbox messages finished more than {} ago", deleted, settings.retention());
    }
  }
}
