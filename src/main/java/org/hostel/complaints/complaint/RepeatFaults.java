package org.hostel.complaints.complaint;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Flags a new complaint as a repeat fault when its room (or wing, for the categories counted so)
 * has had {@link RepeatSettings#countFor N} complaints of its category within {@link
 * RepeatSettings#daysFor D} days, itself included and merged duplicates not: {@code repeat_count}
 * is set and {@link RepeatFault} published, in the submission's transaction. The count is read off
 * an index on (hostel, room or wing, category, created_at).
 */
@Component
@EnableConfigurationProperties(RepeatSettings.class)
class RepeatFaults {

  private final RepeatSettings settings;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  RepeatFaults(RepeatSettings settings, JdbcClient jdbc, ApplicationEventPublisher events) {
    this.settings = settings;
    this.jdbc = jdbc;
    this.events = events;
  }

  @EventListener
  void submitted(ComplaintSubmitted event) {
    Complaint c = event.complaint();
    int threshold = settings.countFor(c.category());
    int days = settings.daysFor(c.category());
    boolean wing = settings.perWing(c.category());
    if (threshold < 2) {
      return;
    }
    long since = c.createdAt().minus(Duration.ofDays(days)).toEpochMilli();
    int count =
        jdbc.sql(
                "SELECT count(*) FROM complaints WHERE hostel = :hostel AND "
                    + (wing ? "wing = :place" : "room_number = :place")
                    + " AND category = :category AND created_at >= :since"
                    + " AND duplicate_of IS NULL")
            .param("hostel", c.hostel())
            .param("place", wing ? c.wing() : c.roomNumber())
            .param("category", c.category())
            .param("since", since)
            .query(Integer.class)
            .single();
    if (count < threshold) {
      return;
    }
    jdbc.sql("UPDATE complaints SET repeat_count = :count WHERE id = :id")
        .param("count", count)
        .param("id", c.id().toString())
        .update();
    events.publishEvent(new RepeatFault(c, count, days, wing));
  }
}
