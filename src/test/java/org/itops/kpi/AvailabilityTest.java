package org.itops.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.itops.calendar.BusinessCalendar;
import org.itops.calendar.CalendarDay;
import org.itops.calendar.WorkingSpan;
import org.itops.kpi.Availability.Outage;
import org.junit.jupiter.api.Test;

/** The availability arithmetic on cases computed by hand (minutes in the comments). */
class AvailabilityTest {

  private static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");
  private static final long NOVEMBER_MINUTES = 30 * 24 * 60; // 43200

  /** Monday to Friday 09:00-17:00 UTC. */
  private static BusinessCalendar nineToFive(CalendarDay... days) {
    List<WorkingSpan> day = List.of(new WorkingSpan(LocalTime.of(9, 0), LocalTime.of(17, 0)));
    return new BusinessCalendar("nine-to-five", ZoneOffset.UTC, Map.of(DayOfWeek.MONDAY, day, DayOfWeek.TUESDAY, day,
        DayOfWeek.WEDNESDAY, day, DayOfWeek.THURSDAY, day, DayOfWeek.FRIDAY, day), List.of(days));
  }

  private static Outage outage(String start, String end) {
    return new Outage(Instant.parse(start), end == null ? null : Instant.parse(end));
  }

  @Test
  void aMonthWithoutOutagesIsFullyAvailable() {
    Availability.Measured measured = Availability.of(List.of(), NOVEMBER, DECEMBER, BusinessCalendar.ALWAYS);

    assertThat(measured.serviceTime()).isEqualTo(Duration.ofMinutes(NOVEMBER_MINUTES));
    assertThat(measured.downTime()).isZero();
    assertThat(measured.ratio()).isEqualTo(1.0);
  }

  @Test
  void overlappingAndTouchingOutagesAreCountedOnce() {
    List<Outage> outages = List.of(
        outage("2026-11-10T10:00:00Z", "2026-11-10T12:00:00Z"),  // 10:00-12:00
        outage("2026-11-10T11:00:00Z", "2026-11-10T13:00:00Z"),  // overlaps: the union is 10:00-13:00
        outage("2026-11-10T12:30:00Z", "2026-11-10T12:45:00Z"),  // inside the one before
        outage("2026-11-10T13:00:00Z", "2026-11-10T13:30:00Z"),  // touches: 10:00-13:30, 210 minutes
        outage("2026-11-20T08:00:00Z", "2026-11-20T08:30:00Z")); // apart: 30 minutes

    Availability.Measured measured = Availability.of(outages, NOVEMBER, DECEMBER, BusinessCalendar.ALWAYS);

    assertThat(measured.downTime()).isEqualTo(Duration.ofMinutes(240));
    assertThat(measured.ratio()).isCloseTo(1 - 240.0 / NOVEMBER_MINUTES, within(1e-12)); // 99.444...%
  }

  @Test
  void anOutageAcrossThePeriodBoundaryIsSplitBetweenThePeriods() {
    List<Outage> outages = List.of(outage("2026-10-31T23:00:00Z", "2026-11-01T01:00:00Z"));
    Instant october = Instant.parse("2026-10-01T00:00:00Z");

    Availability.Measured inOctober = Availability.of(outages, october, NOVEMBER, BusinessCalendar.ALWAYS);
    Availability.Measured inNovember = Availability.of(outages, NOVEMBER, DECEMBER, BusinessCalendar.ALWAYS);

    assertThat(inOctober.downTime()).isEqualTo(Duration.ofMinutes(60));
    assertThat(inNovember.downTime()).isEqualTo(Duration.ofMinutes(60));
    assertThat(inOctober.ratio()).isCloseTo(1 - 60.0 / (31 * 24 * 60), within(1e-12));
  }

  @Test
  void anOutageStillUnderWayCountsUpToThePeriodEnd() {
    List<Outage> outages = List.of(outage("2026-11-30T22:00:00Z", null),
        outage("2026-11-30T23:30:00Z", "2026-12-01T02:00:00Z")); // inside the open one

    Availability.Measured measured = Availability.of(outages, NOVEMBER, DECEMBER, BusinessCalendar.ALWAYS);

    assertThat(measured.downTime()).isEqualTo(Duration.ofMinutes(120));
  }

  @Test
  void outagesCountOnlyInTheHoursOfService() {
    Instant monday = Instant.parse("2026-11-02T00:00:00Z");
    Instant nextMonday = Instant.parse("2026-11-09T00:00:00Z");
    List<Outage> outages = List.of(
        outage("2026-11-03T20:00:00Z", "2026-11-03T23:00:00Z"),  // Tuesday night: 0
        outage("2026-11-05T08:00:00Z", "2026-11-05T10:30:00Z"),  // Thursday 09:00-10:30: 90
        outage("2026-11-06T16:00:00Z", "2026-11-09T10:00:00Z")); // Friday 16:00-17:00: 60; Monday's hour is next week's

    Availability.Measured measured = Availability.of(outages, monday, nextMonday, nineToFive());

    assertThat(measured.serviceTime()).isEqualTo(Duration.ofHours(5 * 8)); // 2400 minutes
    assertThat(measured.downTime()).isEqualTo(Duration.ofMinutes(150));
    assertThat(measured.ratio()).isCloseTo(1 - 150.0 / 2400, within(1e-12)); // 93.75%
    assertThat(Availability.of(outages, nextMonday, nextMonday.plus(Duration.ofDays(7)), nineToFive()).downTime())
        .isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void aHolidayIsNeitherServiceTimeNorDownTime() {
    Instant monday = Instant.parse("2026-11-02T00:00:00Z");
    BusinessCalendar withHoliday = nineToFive(new CalendarDay(LocalDate.of(2026, 11, 4), CalendarDay.Kind.HOLIDAY,
        "Company day"));
    List<Outage> outages = List.of(outage("2026-11-04T10:00:00Z", "2026-11-04T12:00:00Z"),  // the holiday: 0
        outage("2026-11-05T09:00:00Z", "2026-11-05T09:48:00Z"));                           // 48

    Availability.Measured measured = Availability.of(outages, monday, monday.plus(Duration.ofDays(7)), withHoliday);

    assertThat(measured.serviceTime()).isEqualTo(Duration.ofHours(4 * 8)); // 1920 minutes
    assertThat(measured.downTime()).isEqualTo(Duration.ofMinutes(48));
    assertThat(measured.ratio()).isCloseTo(0.975, within(1e-12));
  }

  @Test
  void aPeriodWithoutServiceTimeHasNoAvailability() {
    Instant saturday = Instant.parse("2026-11-07T00:00:00Z");

    Availability.Measured measured = Availability.of(List.of(outage("2026-11-07T10:00:00Z", null)), saturday,
        saturday.plus(Duration.ofDays(2)), nineToFive());

    assertThat(measured.serviceTime()).isZero();
    assertThat(measured.ratio()).isNull();
  }
}
