package org.itops.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Working hours within one day, from {@code start} (inclusive) to {@code end} (exclusive), in the calendar's zone.
 * An end of {@code 24:00} (kept as {@link LocalTime#MIDNIGHT}) is the end of the day: a night shift is two spans,
 * {@code 22:00-24:00} on one day and {@code 00:00-06:00} on the next.
 */
public record WorkingSpan(LocalTime start, LocalTime end) {

  private static final Pattern TEXT = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

  /** {@code 09:00-12:00}; null when the text is not a span whose end is after its start. */
  static WorkingSpan parse(String text) {
    Matcher matcher = text == null ? null : TEXT.matcher(text.strip());
    if (matcher == null || !matcher.matches()) {
      return null;
    }
    try {
      LocalTime start = LocalTime.parse(matcher.group(1));
      LocalTime end = "24:00".equals(matcher.group(2)) ? LocalTime.MIDNIGHT : LocalTime.parse(matcher.group(2));
      WorkingSpan span = new WorkingSpan(start, end);
      return span.endsAtMidnight() || end.isAfter(start) ? span : null;
    } catch (DateTimeParseException notATime) {
      return null;
    }
  }

  boolean endsAtMidnight() {
    return end.equals(LocalTime.MIDNIGHT);
  }

  /** Whether the two share a minute. */
  boolean overlaps(WorkingSpan other) {
    return before(start, other.end) && before(other.start, end);
  }

  /** Whether the time of day falls in the span. */
  boolean contains(LocalTime time) {
    return !time.isBefore(start) && before(time, end);
  }

  private static boolean before(LocalTime time, LocalTime end) {
    return end.equals(LocalTime.MIDNIGHT) || time.isBefore(end);
  }

  /** The end as written: {@code 24:00} for the end of the day. */
  String endText() {
    return endsAtMidnight() ? "24:00" : end.toString();
  }

  @Override
  public String toString() {
    return start + "-" + endText();
  }
}
