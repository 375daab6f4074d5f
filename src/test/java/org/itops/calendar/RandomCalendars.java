package org.itops.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random calendars and instants for the property tests, drawn around the days clocks change in Europe/Berlin and
 * America/New_York: working spans on half hours (some from midnight, some to midnight), weekends, holidays and make-up
 * working days.
 */
public final class RandomCalendars {

  /** Days on which clocks change in the zones drawn, and plain days between them. */
  private static final List<LocalDate> AROUND = List.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 29),
      LocalDate.of(2026, 10, 25), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 6, 15), LocalDate.of(2026, 12, 31));
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
      ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"));

  private final Random random;

  public RandomCalendars(long seed) {
    random = new Random(seed);
  }

  public Random random() {
    return random;
  }

  public BusinessCalendar calendar() {
    if (random.nextInt(20) == 0) {
      return BusinessCalendar.ALWAYS;
    }
    Map<DayOfWeek, List<WorkingSpan>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
      boolean works = weekend ? random.nextInt(5) == 0 : random.nextInt(8) != 0; // most weekdays, few weekends
      week.put(day, works ? spans() : List.of());
    }
    week.put(DayOfWeek.WEDNESDAY, spans()); // a week with working time
    List<CalendarDay> days = new ArrayList<>();
    for (int i = random.nextInt(12); i > 0; i--) {
      LocalDate date = nearDay();
      CalendarDay.Kind kind = random.nextBoolean() ? CalendarDay.Kind.HOLIDAY : CalendarDay.Kind.WORKING;
      days.removeIf(day -> day.date().equals(date));
      days.add(new CalendarDay(date, kind, kind + " " + i));
    }
    return new BusinessCalendar("random", ZONES.get(random.nextInt(ZONES.size())), week, days);
  }

  /** One to three spans that do not overlap, on half hours from 00:00 to 24:00. */
  private List<WorkingSpan> spans() {
    List<WorkingSpan> spans = new ArrayList<>();
    int halfHour = random.nextInt(3) == 0 ? 0 : random.nextInt(20);
    for (int i = 1 + random.nextInt(3); i > 0 && halfHour < 48; i--) {
      int end = Math.min(48, halfHour + 1 + random.nextInt(random.nextInt(4) == 0 ? 48 : 12));
      spans.add(new WorkingSpan(time(halfHour), time(end)));
      halfHour = end + 1 + random.nextInt(6);
    }
    return spans;
  }

  private static LocalTime time(int halfHour) {
    return halfHour == 48 ? LocalTime.MIDNIGHT : LocalTime.of(halfHour / 2, halfHour % 2 * 30);
  }

  private LocalDate nearDay() {
    return AROUND.get(random.nextInt(AROUND.size())).plusDays(random.nextInt(15) - 7);
  }

  /** A whole minute within a week of a day when clocks change (or of a plain day). */
  public Instant instant() {
    Instant day = nearDay().atStartOfDay(ZoneId.of("UTC")).toInstant();
    return day.plus(random.nextInt(24 * 60), ChronoUnit.MINUTES);
  }
}
