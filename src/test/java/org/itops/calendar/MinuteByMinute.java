package org.itops.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The reference of the working-time arithmetic for the tests: a calendar's time counted one minute at a time, a
 * minute working when its wall time in the calendar's zone falls in a span of its date. Slow and plainly right; the
 * property tests compare {@link BusinessCalendar} with it. Instants are whole minutes.
 */
public final class MinuteByMinute {

  /** A time the clock did not count (waiting for the requester), from {@code start} to {@code end}. */
  public record Pause(Instant start, Instant end) {
    boolean contains(Instant minute) {
      return !minute.isBefore(start) && minute.isBefore(end);
    }
  }

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private MinuteByMinute() {}

  public static boolean works(BusinessCalendar calendar, Instant minute) {
    if (calendar.isAlways()) {
      return true;
    }
    LocalDateTime wallTime = minute.atZone(calendar.zone()).toLocalDateTime();
    return calendar.spansOn(wallTime.toLocalDate()).stream().anyMatch(span -> span.contains(wallTime.toLocalTime()));
  }

  /** The end of the minute in which the {@code minutes}-th counted minute after {@code from} ends. */
  public static Instant add(BusinessCalendar calendar, Instant from, long minutes, List<Pause> pauses) {
    Instant minute = from;
    for (long counted = 0; counted < minutes; minute = minute.plus(MINUTE)) {
      Instant now = minute;
      if (works(calendar, now) && pauses.stream().noneMatch(pause -> pause.contains(now))) {
        counted++;
      }
    }
    return minute;
  }

  public static Instant add(BusinessCalendar calendar, Instant from, long minutes) {
    return add(calendar, from, minutes, List.of());
  }

  /** The working minutes from {@code from} (inclusive) to {@code to} (exclusive). */
  public static long between(BusinessCalendar calendar, Instant from, Instant to) {
    long counted = 0;
    for (Instant minute = from; minute.isBefore(to); minute = minute.plus(MINUTE)) {
      if (works(calendar, minute)) {
        counted++;
      }
    }
    return counted;
  }
}
