package org.hostel.complaints.complaint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long finished complaints are kept before a purge without {@code days_old} removes them.
 *
 * @param resolvedAfter retention of resolved complaints
 * @param closedAfter retention of closed complaints
 * @param schedule when the purge runs by itself: a Spring cron expression in UTC ({@code second
 *     minute hour day month weekday}), nightly at 03:30 by default; {@code -} turns it off ({@code
 *     COMPLAINTS_PURGE_SCHEDULE})
 */
@ConfigurationProperties("complaints.purge")
record PurgeSettings(
    @DefaultValue("90d") Duration resolvedAfter,
    @DefaultValue("30d") Duration closedAfter,
    @DefaultValue(PurgeSettings.NIGHTLY) String schedule) {

  static final String NIGHTLY = "0 30 3 * * *";

  boolean scheduled() {
    return !schedule.isBlank() && !schedule.strip().equals("-");
  }
}
