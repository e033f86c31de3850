package org.hostel.complaints.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import org.hostel.complaints.complaint.Priority;
import org.hostel.complaints.complaint.ServiceLevels;
import org.springframework.stereotype.Component;

/**
 * The complaint feature's SLA clock: targets from {@link SlaPolicies}, counted in the business
 * calendar (the urgent one for urgent complaints), pushed back by time spent on hold.
 */
@Component
class SlaClock implements ServiceLevels {

  /** The share of a target after which the assignee is warned. */
  static final double WARN_SHARE = 0.8;

  private final BusinessCalendar normal;
  private final BusinessCalendar urgent;
  private final SlaPolicies policies;

  SlaClock(SlaSettings settings, SlaPolicies policies) {
    var holidays = new HashSet<>(settings.holidays());
    this.normal = BusinessCalendar.parse(settings.businessHours(), holidays, settings.timeZone());
    this.urgent = BusinessCalendar.parse(settings.urgentHours(), holidays, settings.timeZone());
    this.policies = policies;
  }

  BusinessCalendar calendar(Priority priority) {
    return priority == Priority.URGENT ? urgent : normal;
  }

  @Override
  public Targets targets(String category, Priority priority, Instant start, Duration paused) {
    BusinessCalendar calendar = calendar(priority);
    SlaPolicies.Target target = policies.target(category, priority, calendar.workingDay());
    Duration response = Duration.ofMinutes(target.responseMinutes());
    Duration resolution = Duration.ofMinutes(target.resolutionMinutes());
    return new Targets(
        calendar.add(start, response.plus(paused)),
        calendar.add(start, resolution.plus(paused)),
        calendar.add(start, share(response).plus(paused)),
        calendar.add(start, share(resolution).plus(paused)));
  }

  @Override
  public Duration businessTime(Priority priority, Instant from, Instant to) {
    return calendar(priority).between(from, to);
  }

  private static Duration share(Duration target) {
    return Duration.ofSeconds(Math.round(target.toSeconds() * WARN_SHARE));
  }
}
