package org.hostel.complaints.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Working time: weekly opening windows in a time zone, minus holidays. Adds business time to an
 * instant and measures it between two; windows are read in local time, so daylight-saving changes
 * shorten or lengthen the day they fall on exactly as a wall clock does.
 *
 * <p>Written as {@code "MON-FRI 08:00-17:00; SAT 09:00-12:00"}: day or day range, then a window
 * ({@code 24:00} ends at midnight). A calendar without any working time is refused.
 */
final class BusinessCalendar {

  /** How far ahead a target may reach before the calendar gives up (holidays cannot cover all). */
  private static final int MAX_DAYS = 366 * 20;

  record Window(LocalTime open, LocalTime close, boolean untilMidnight) {}

  private final Map<DayOfWeek, List<Window>> week;
  private final Set<LocalDate> holidays;
  private final ZoneId zone;

  BusinessCalendar(Map<DayOfWeek, List<Window>> week, Set<LocalDate> holidays, ZoneId zone) {
    this.week = new EnumMap<>(week);
    this.holidays = Set.copyOf(holidays);
    this.zone = zone;
    if (weeklyMinutes() == 0) {
      throw new IllegalArgumentException("The business hours leave no working time");
    }
  }

  static BusinessCalendar parse(String hours, Set<LocalDate> holidays, ZoneId zone) {
    Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
    for (String part : hours.split(";")) {
      String text = part.strip();
      if (text.isEmpty()) {
        continue;
      }
      String[] fields = text.split("\\s+");
      if (fields.length != 2) {
        throw new IllegalArgumentException("Not \"DAYS HH:MM-HH:MM\": " + text);
      }
      String[] days = fields[0].split("-");
      String[] times = fields[1].split("-");
      if (days.length > 2 || times.length != 2) {
        throw new IllegalArgumentException("Not \"DAYS HH:MM-HH:MM\": " + text);
      }
      DayOfWeek first = day(days[0]);
      DayOfWeek last = days.length == 2 ? day(days[1]) : first;
      boolean midnight = times[1].equals("24:00");
      LocalTime open = LocalTime.parse(times[0]);
      LocalTime close = midnight ? LocalTime.MIDNIGHT : LocalTime.parse(times[1]);
      if (!midnight && !close.isAfter(open)) {
        throw new IllegalArgumentException("A window must close after it opens: " + text);
      }
      for (DayOfWeek d = first; ; d = d.plus(1)) {
        week.computeIfAbsent(d, k -> new ArrayList<>()).add(new Window(open, close, midnight));
        if (d == last) {
          break;
        }
      }
    }
    week.values().forEach(w -> w.sort((a, b) -> a.open().compareTo(b.open())));
    return new BusinessCalendar(week, holidays, zone);
  }

  private static DayOfWeek day(String text) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(text.toUpperCase(Locale.ROOT)) && text.length() >= 3) {
        return d;
      }
    }
    throw new IllegalArgumentException("Not a day of the week: " + text);
  }

  /** Working minutes in a week without holidays. */
  long weeklyMinutes() {
    long minutes = 0;
    for (List<Window> windows : week.values()) {
      for (Window w : windows) {
        minutes +=
            w.untilMidnight()
                ? Duration.between(w.open(), LocalTime.MAX).toMinutes() + 1
                : Duration.between(w.open(), w.close()).toMinutes();
      }
    }
    return minutes;
  }

  /** The average working day: weekly working time over the days that have any. */
  Duration workingDay() {
    return Duration.ofMinutes(weeklyMinutes() / week.size());
  }

  /** The instant when {@code amount} of business time has passed since {@code start}. */
  Instant add(Instant start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("Negative business time");
    }
    Duration left = amount;
    LocalDate date = start.atZone(zone).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
      for (Instant[] open : windows(date)) {
        Instant from = open[0].isAfter(start) ? open[0] : start;
        if (!open[1].isAfter(from)) {
          continue;
        }
        Duration available = Duration.between(from, open[1]);
        if (available.compareTo(left) >= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
      }
    }
    throw new IllegalArgumentException("The target lies more than 20 years ahead");
  }

  /** Business time between two instants; zero when {@code to} is not after {@code from}. */
  Duration between(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    LocalDate date = from.atZone(zone).toLocalDate();
    LocalDate end = to.atZone(zone).toLocalDate();
    for (; !date.isAfter(end); date = date.plusDays(1)) {
      for (Instant[] open : windows(date)) {
        Instant a = open[0].isAfter(from) ? open[0] : from;
        Instant b = open[1].isBefore(to) ? open[1] : to;
        if (b.isAfter(a)) {
          total = total.plus(Duration.between(a, b));
        }
      }
    }
    return total;
  }

  /** The day's windows as instants; none on holidays. */
  private List<Instant[]> windows(LocalDate date) {
    if (holidays.contains(date)) {
      return List.of();
    }
    List<Instant[]> result = new ArrayList<>();
    for (Window w : week.getOrDefault(date.getDayOfWeek(), List.of())) {
      Instant open = ZonedDateTime.of(date, w.open(), zone).toInstant();
      Instant close =
          w.untilMidnight()
              ? date.plusDays(1).atStartOfDay(zone).toInstant()
              : ZonedDateTime.of(date, w.close(), zone).toInstant();
      result.add(new Instant[] {open, close});
    }
    return result;
  }
}
