package org.hostel.complaints.complaint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long finished complaints are kept before a purge without {@code days_old} removes them.
 *
 * @param resolvedAfter retention of resolved complaints
 * @param closedAfter retention of closed complaints
 */
@ConfigurationProperties("complaints.purge")
record PurgeSettings(
    @DefaultValue("90d") Duration resolvedAfter, @DefaultValue("30d") Duration closedAfter) {}
