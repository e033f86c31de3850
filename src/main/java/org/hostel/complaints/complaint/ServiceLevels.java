package org.hostel.complaints.complaint;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clock: targets per category and priority, counted in business hours. Implemented by the
 * sla feature, which depends on this one; without it complaints have no due times.
 */
public interface ServiceLevels {

  /** When a complaint's targets fall due, and when 80 % of each has passed. */
  record Targets(
      Instant responseDue, Instant resolutionDue, Instant responseWarn, Instant resolutionWarn) {}

  /**
   * The targets of a complaint in {@code category} with {@code priority} whose clock started at
   * {@code start} and was paused for {@code paused} of business time since.
   */
  Targets targets(String category, Priority priority, Instant start, Duration paused);

  /**
   * The business time between two instants for a complaint of {@code priority} (zero when {@code
   * to} is not after {@code from}).
   */
  Duration businessTime(Priority priority, Instant from, Instant to);
}
