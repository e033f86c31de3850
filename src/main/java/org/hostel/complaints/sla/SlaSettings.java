package org.hostel.complaints.sla;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The office's working time and the escalation job.
 *
 * @param timeZone the zone business hours and holidays are read in
 * @param businessHours when clocks run, e.g. {@code MON-FRI 08:00-17:00}
 * @param urgentHours when clocks of urgent complaints run (weekend cover)
 * @param holidays days on which no clock runs
 * @param escalationInterval how often the escalation job looks for late complaints
 */
@ConfigurationProperties("complaints.sla")
record SlaSettings(
    @DefaultValue("UTC") ZoneId timeZone,
    @DefaultValue("MON-FRI 08:00-17:00") String businessHours,
    @DefaultValue("MON-SUN 08:00-17:00") String urgentHours,
    @DefaultValue List<LocalDate> holidays,
    @DefaultValue("1m") Duration escalationInterval) {}
