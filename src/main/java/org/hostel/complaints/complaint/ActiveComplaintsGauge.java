package org.hostel.complaints.complaint;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hostel.complaints.observability.ScrapedGauge;
import org.springframework.stereotype.Component;

/**
 * {@code active_complaints_total{status}}: counted in the database at scrape time, so every
 * instance reports the same true figure (one indexed GROUP BY per scrape).
 */
@Component
class ActiveComplaintsGauge implements ScrapedGauge {

  private final ComplaintService complaints;

  ActiveComplaintsGauge(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public String name() {
    return "active_complaints_total";
  }

  @Override
  public String help() {
    return "Complaints currently in each status";
  }

  @Override
  public String label() {
    return "status";
  }

  @Override
  public Map<String, Long> read() {
    Map<Status, Long> counts = complaints.countByStatus();
    Map<String, Long> values = new LinkedHashMap<>();
    for (Status status : Status.values()) {
      values.put(status.value(), counts.getOrDefault(status, 0L));
    }
    return values;
  }
}
