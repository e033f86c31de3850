package org.hostel.complaints.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SLA arithmetic as tables: a start, an amount of business time, and when it is used up, in the
 * office's local time. 2026-03-02 is a Monday; Europe/Berlin changes to summer time on Sunday
 * 2026-03-29 and back on Sunday 2026-10-25.
 */
class BusinessCalendarTests {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String OFFICE = "MON-FRI 08:00-17:00";
  static final Set<LocalDate> EASTER =
      Set.of(LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"));

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
  }

  static Stream<Arguments> additions() {
    return Stream.of(
        // hours, start, amount, due
        Arguments.of(OFFICE, "2026-03-02T09:00", "PT1H", "2026-03-02T10:00"),
        Arguments.of(OFFICE, "2026-03-02T16:30", "PT1H", "2026-03-03T08:30"),
        Arguments.of(OFFICE, "2026-03-02T06:00", "PT30M", "2026-03-02T08:30"),
        Arguments.of(OFFICE, "2026-03-02T17:00", "PT9H", "2026-03-03T17:00"),
        Arguments.of(OFFICE, "2026-03-02T09:00", "PT0S", "2026-03-02T09:00"),
        // across a weekend: Friday afternoon to Monday morning
        Arguments.of(OFFICE, "2026-03-06T16:00", "PT2H", "2026-03-09T09:00"),
        Arguments.of(OFFICE, "2026-03-07T12:00", "PT30M", "2026-03-09T08:30"),
        Arguments.of(OFFICE, "2026-03-06T10:00", "PT27H", "2026-03-11T10:00"),
        // Good Friday and Easter Monday are holidays: Thursday 16:00 + 2 h is Tuesday 09:00
        Arguments.of(OFFICE, "2026-04-02T16:00", "PT2H", "2026-04-07T09:00"),
        // weekend cover: clocks also run on Saturday and Sunday
        Arguments.of("MON-SUN 08:00-17:00", "2026-03-06T16:00", "PT2H", "2026-03-07T09:00"),
        // split days and a short Saturday
        Arguments.of(
            "MON-FRI 08:00-12:00; MON-FRI 13:00-17:00; SAT 09:00-12:00",
            "2026-03-06T11:00",
            "PT8H",
            "2026-03-07T12:00"),
        // daylight saving: office hours are local, so 08:00 stays 08:00 after the change
        Arguments.of("MON-SUN 08:00-17:00", "2026-03-28T16:00", "PT2H", "2026-03-29T09:00"),
        Arguments.of("MON-SUN 08:00-17:00", "2026-10-24T16:00", "PT2H", "2026-10-25T09:00"),
        // round the clock: the spring-forward day has 23 hours, the fall-back day 25
        Arguments.of("MON-SUN 00:00-24:00", "2026-03-29T00:00", "PT24H", "2026-03-30T01:00"),
        Arguments.of("MON-SUN 00:00-24:00", "2026-10-25T00:00", "PT24H", "2026-10-25T23:00"));
  }

  @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
  @MethodSource("additions")
  void addingBusinessTime(String hours, String start, String amount, String due) {
    BusinessCalendar calendar = BusinessCalendar.parse(hours, EASTER, BERLIN);
    assertThat(calendar.add(at(start), Duration.parse(amount))).isEqualTo(at(due));
    assertThat(calendar.between(at(start), at(due)))
        .as("measuring back gives the amount")
        .isEqualTo(Duration.parse(amount));
  }

  static Stream<Arguments> pauses() {
    return Stream.of(
        // on hold from, until, business time the clock stood still
        Arguments.of("2026-03-02T10:00", "2026-03-02T12:30", "PT2H30M"),
        Arguments.of("2026-03-06T16:00", "2026-03-10T09:00", "PT11H"),
        Arguments.of("2026-03-07T10:00", "2026-03-08T18:00", "PT0S"),
        Arguments.of("2026-04-02T16:00", "2026-04-07T09:00", "PT2H"),
        Arguments.of("2026-03-02T12:00", "2026-03-02T11:00", "PT0S"));
  }

  @ParameterizedTest(name = "on hold {0} to {1}: {2} of business time")
  @MethodSource("pauses")
  void measuringAPause(String from, String to, String paused) {
    BusinessCalendar calendar = BusinessCalendar.parse(OFFICE, EASTER, BERLIN);
    assertThat(calendar.between(at(from), at(to))).isEqualTo(Duration.parse(paused));
  }

  @Test
  void aWorkingDayIsTheWeeksWorkingTimeOverItsWorkingDays() {
    assertThat(BusinessCalendar.parse(OFFICE, Set.of(), BERLIN).workingDay())
        .isEqualTo(Duration.ofHours(9));
    assertThat(BusinessCalendar.parse("MON-SUN 00:00-24:00", Set.of(), BERLIN).workingDay())
        .isEqualTo(Duration.ofHours(24));
  }

  @Test
  void hoursThatLeaveNoWorkingTimeAreRefused() {
    for (String hours : new String[] {"", " ; ", "MON 08:00-08:00", "MON 17:00-08:00"}) {
      assertThatThrownBy(() -> BusinessCalendar.parse(hours, Set.of(), BERLIN))
          .as(hours)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String hours : new String[] {"MONDAY-FUNDAY 08:00-17:00", "MON 8-17", "08:00-17:00"}) {
      assertThatThrownBy(() -> BusinessCalendar.parse(hours, Set.of(), BERLIN))
          .as(hours)
          .isInstanceOf(RuntimeException.class);
    }
  }

  @Test
  void negativeBusinessTimeIsRefused() {
    BusinessCalendar calendar = BusinessCalendar.parse(OFFICE, Set.of(), BERLIN);
    assertThatThrownBy(() -> calendar.add(at("2026-03-02T09:00"), Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
