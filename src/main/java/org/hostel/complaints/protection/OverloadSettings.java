package org.hostel.complaints.protection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Load shedding.
 *
 * @param maxInFlight requests this instance works on at once; one more is answered 503 at once
 *     ({@code COMPLAINTS_OVERLOAD_MAX_IN_FLIGHT}); 0 switches the bound off
 * @param retryAfter what a refused client is told to wait ({@code COMPLAINTS_OVERLOAD_RETRY_AFTER})
 */
@ConfigurationProperties("complaints.overload")
record OverloadSettings(
    @DefaultValue("200") int maxInFlight, @DefaultValue("1s") Duration retryAfter) {}
