package org.hostel.complaints.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a day, on one instance: audit rows older than the retention go, and that is logged. */
@Component
class AuditRetention {

  private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

  private final Audit audit;
  private final AuditSettings settings;

  AuditRetention(Audit audit, AuditSettings settings) {
    this.audit = audit;
    this.settings = settings;
  }

  @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT24H")
  @SchedulerLock(name = "audit-retention", lockAtMostFor = "PT1H")
  void purge() {
    int removed = audit.purgeOlderThan(settings.retention());
    LOG.info("Audit retention purge removed {} rows", removed);
  }
}
