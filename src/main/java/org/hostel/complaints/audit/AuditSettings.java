package org.hostel.complaints.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long audit rows are kept before the daily purge removes them ({@code
 *     COMPLAINTS_AUDIT_RETENTION}, default one year)
 * @param exportLimit most rows one CSV export answers ({@code COMPLAINTS_AUDIT_EXPORT_LIMIT})
 */
@ConfigurationProperties("complaints.audit")
record AuditSettings(
    @DefaultValue("365d") Duration retention, @DefaultValue("100000") int exportLimit) {}
