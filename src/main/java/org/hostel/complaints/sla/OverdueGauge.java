package org.hostel.complaints.sla;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hostel.complaints.complaint.Priority;
import org.hostel.complaints.observability.ScrapedGauge;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code complaints_overdue{priority}}: open complaints (on hold excluded: their clock stands)
 * whose next target has passed, counted in the database at scrape time so every instance reports
 * the same figure.
 */
@Component
class OverdueGauge implements ScrapedGauge {

  private final JdbcClient jdbc;
  private final Clock clock;

  OverdueGauge(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "complaints_overdue";
  }

  @Override
  public String help() {
    return "Open complaints past their next SLA target, by priority";
  }

  @Override
  public String label() {
    return "priority";
  }

  @Override
  public Map<String, Long> read() {
    Map<String, Long> values = new LinkedHashMap<>();
    for (Priority p : Priority.values()) {
      values.put(p.value(), 0L);
    }
    jdbc.sql(
            """
            SELECT priority, count(*) FROM complaints
            WHERE due_at < :now AND status IN ('reported', 'in_progress')
            GROUP BY priority
            """)
        .param("now", clock.millis())
        .query((RowCallbackHandler) rs -> values.put(rs.getString(1), rs.getLong(2)));
    return values;
  }
}
