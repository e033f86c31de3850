package org.hostel.complaints.observability;

import java.time.Duration;
import java.util.List;
import org.hostel.complaints.web.AddressRange;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Metrics, access log and health checks.
 *
 * @param metricsAllowedAddresses addresses (CIDR) that may read {@code /metrics} without a token,
 *     when the request did not come through a proxy ({@code
 *     COMPLAINTS_OBSERVABILITY_METRICS_ALLOWED_ADDRESSES})
 * @param metricsToken bearer token that opens {@code /metrics} from anywhere; empty means none
 *     ({@code COMPLAINTS_OBSERVABILITY_METRICS_TOKEN})
 * @param accessLog one log line per finished request ({@code COMPLAINTS_OBSERVABILITY_ACCESS_LOG});
 *     off by default because writing a JSON line per request halves the throughput of a 2-core box,
 *     and per-route counts and latencies are on {@code /metrics} anyway
 * @param healthTimeout longest a readiness check may take before it counts as down
 */
@Validated
@ConfigurationProperties("complaints.observability")
record ObservabilitySettings(
    @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> metricsAllowedAddresses,
    @DefaultValue("") String metricsToken,
    @DefaultValue("false") boolean accessLog,
    @DefaultValue("2s") Duration healthTimeout) {

  ObservabilitySettings {
    metricsAllowedAddresses.forEach(AddressRange::parse);
  }
}
