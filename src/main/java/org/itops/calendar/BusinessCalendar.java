package org.itops.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hours of service of a calendar: working spans per weekday in its zone, less its holidays, plus its make-up
 * working days (which work the hours of its first weekday with hours). {@link #ALWAYS} is 24x7: every instant works.
 *
 * <p>A moment works when its wall time in the zone falls in a span of its date. So on the day clocks go forward, the
 * skipped hour does not work; on the day they go back, a repeated hour inside a span works twice, as people on duty
 * do.
 */
public final class BusinessCalendar {

  /** The name of the hours of service around the clock: no calendar. */
  public static final String ALWAYS_NAME = "24x7";
  public static final BusinessCalendar ALWAYS = new BusinessCalendar(ALWAYS_NAME, ZoneOffset.UTC, Map.of(), List.of());

  /** How far a search for working time goes: a calendar whose days are all holidays would search for ever. */
  private static final int MAX_DAYS = 20 * 366;

  private record Interval(Instant start, Instant end) {}

  private final String name;
  private final ZoneId zone;
  private final Map<DayOfWeek, List<WorkingSpan>> week;
  private final Map<LocalDate, CalendarDay> days;

  public BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<WorkingSpan>> week,
      Collection<CalendarDay> days) {
    this.name = name;
    this.zone = zone;
    this.week = new EnumMap<>(DayOfWeek.class);
    week.forEach((day, spans) -> this.week.put(day, spans.stream().sorted(Comparator.comparing(WorkingSpan::start))
        .toList()));
    this.days = new TreeMap<>();
    days.forEach(day -> this.days.put(day.date(), day));
  }

  public String name() {
    return name;
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isAlways() {
    return this == ALWAYS;
  }

  /** The working spans of each weekday (none on a day off). */
  public Map<DayOfWeek, List<WorkingSpan>> week() {
    return Map.copyOf(week);
  }

  /** The holidays and make-up working days, by date. */
  public List<CalendarDay> days() {
    return List.copyOf(days.values());
  }

  /** The working spans of the date: none on a holiday, a usual day's on a make-up working day. */
  public List<WorkingSpan> spansOn(LocalDate date) {
    CalendarDay day = days.get(date);
    List<WorkingSpan> usual = week.getOrDefault(date.getDayOfWeek(), List.of());
    if (day == null) {
      return usual;
    }
    if (day.kind() == CalendarDay.Kind.HOLIDAY) {
      return List.of();
    }
    return usual.isEmpty() ? usualWorkingDay() : usual;
  }

  private List<WorkingSpan> usualWorkingDay() {
    return week.values().stream().filter(spans -> !spans.isEmpty()).findFirst().orElse(List.of());
  }

  /** The instant when {@code duration} of working time has passed since {@code from}; {@code from} for zero. */
  public Instant addWorkingTime(Instant from, Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("A working time to add is not negative: " + duration);
    }
    if (isAlways() || duration.isZero()) {
      return from.plus(duration);
    }
    Duration remaining = duration;
    LocalDate date = from.atZone(zone).toLocalDate().minusDays(1);
    for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
      for (Interval working : workingIntervals(date)) {
        if (!working.end().isAfter(from)) {
          continue;
        }
        Instant start = working.start().isAfter(from) ? working.start() : from;
        Duration available = Duration.between(start, working.end());
        if (remaining.compareTo(available) <= 0) {
          return start.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
    }
    throw new IllegalStateException("Calendar '" + name + "' has no working time in " + MAX_DAYS / 366
        + " years after " + from + ": give it working hours");
  }

  /** The working time from {@code from} to {@code to}; zero when {@code to} is not after {@code from}. */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (isAlways()) {
      return Duration.between(from, to);
    }
    Duration total = Duration.ZERO;
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
      for (Interval working : workingIntervals(date)) {
        Instant start = working.start().isAfter(from) ? working.start() : from;
        Instant end = working.end().isBefore(to) ? working.end() : to;
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  /**
   * The instants whose wall time falls in a span of the date, in order. The day is cut where the zone's offset
   * changes; within each piece the wall time is the instant plus that piece's offset.
   */
  private List<Interval> workingIntervals(LocalDate date) {
    List<WorkingSpan> spans = spansOn(date);
    if (spans.isEmpty()) {
      return List.of();
    }
    ZoneRules rules = zone.getRules();
    Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
    List<Interval> intervals = new ArrayList<>();
    Instant pieceStart = date.atStartOfDay(zone).toInstant();
    while (pieceStart.isBefore(dayEnd)) {
      ZoneOffset offset = rules.getOffset(pieceStart);
      ZoneOffsetTransition next = rules.nextTransition(pieceStart);
      Instant pieceEnd = next == null || next.getInstant().isAfter(dayEnd) ? dayEnd : next.getInstant();
      for (WorkingSpan span : spans) {
        Instant start = later(pieceStart, date.atTime(span.start()).toInstant(offset));
        LocalDateTime end = span.endsAtMidnight() ? date.plusDays(1).atStartOfDay() : date.atTime(span.end());
        Instant stop = earlier(pieceEnd, end.toInstant(offset));
        if (stop.isAfter(start)) {
          intervals.add(new Interval(start, stop));
        }
      }
      pieceStart = pieceEnd;
    }
    intervals.sort(Comparator.comparing(Interval::start));
    return intervals;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  public String toString() {
    return name;
  }
}
