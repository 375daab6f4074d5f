package org.itops.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itops.platform.InvalidRequestException;

/**
 * The days of an iCalendar file (RFC 5545) of holidays: each all-day event ({@code DTSTART;VALUE=DATE:20261001},
 * {@code DTEND} the day after its last, one day without it) is a holiday named by its {@code SUMMARY}, or a make-up
 * working day when its {@code CATEGORIES} hold {@code WORKING-DAY}. Long lines are unfolded; everything else in the
 * file (time zones, alarms, other properties) is skipped. Read here rather than by a library: the suite needs a
 * small part of the format, and its rules are a few lines.
 */
final class HolidayFile {

  /** The category that makes an event a working day instead of a holiday. */
  static final String WORKING_DAY = "WORKING-DAY";

  /** The longest event: a year (a longer one is a mistake, such as a wrong year in DTEND). */
  private static final int MAX_DAYS = 366;

  private HolidayFile() {}

  static List<CalendarDay> days(String text) {
    String unfolded = text.replaceFirst("^\uFEFF", "").replaceAll("\r?\n[ \t]", "");
    List<String> lines = Arrays.stream(unfolded.split("\r?\n")).filter(line -> !line.isBlank()).toList();
    if (lines.isEmpty() || !lines.get(0).strip().equalsIgnoreCase("BEGIN:VCALENDAR")) {
      throw new InvalidRequestException("file", "reason.calendar.notICalendar");
    }
    List<CalendarDay> days = new ArrayList<>();
    Map<String, String> event = null;
    for (String line : lines) {
      if (line.equalsIgnoreCase("BEGIN:VEVENT")) {
        event = new HashMap<>();
      } else if (line.equalsIgnoreCase("END:VEVENT") && event != null) {
        days.addAll(daysOf(event));
        event = null;
      } else if (event != null && line.indexOf(':') > 0) {
        String nameAndParameters = line.substring(0, line.indexOf(':'));
        String name = nameAndParameters.split(";", 2)[0].toUpperCase();
        event.putIfAbsent(name, line.substring(line.indexOf(':') + 1));
      }
    }
    if (days.isEmpty()) {
      throw new InvalidRequestException("file", "reason.calendar.noEvents");
    }
    return days;
  }

  private static List<CalendarDay> daysOf(Map<String, String> event) {
    String summary = text(event.getOrDefault("SUMMARY", "")).strip();
    LocalDate start = date(event.get("DTSTART"));
    if (start == null) {
      throw new InvalidRequestException("file", "reason.calendar.eventStart", summary, event.get("DTSTART"));
    }
    LocalDate end = event.containsKey("DTEND") ? date(event.get("DTEND")) : start.plusDays(1);
    if (end == null || !end.isAfter(start) || ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
      throw new InvalidRequestException("file", "reason.calendar.eventEnd", summary, event.get("DTEND"), MAX_DAYS);
    }
    boolean working = Arrays.stream(event.getOrDefault("CATEGORIES", "").split(","))
        .anyMatch(category -> category.strip().equalsIgnoreCase(WORKING_DAY));
    CalendarDay.Kind kind = working ? CalendarDay.Kind.WORKING : CalendarDay.Kind.HOLIDAY;
    String name = summary.isEmpty() ? kind.name().toLowerCase() : summary.substring(0, Math.min(summary.length(),
        CalendarInput.MAX_DAY_NAME));
    return start.datesUntil(end).map(date -> new CalendarDay(date, kind, name)).toList();
  }

  /** A DATE value (YYYYMMDD); null for a date-time (an event that is not all-day) or no date. */
  private static LocalDate date(String value) {
    if (value == null || !value.strip().matches("\\d{8}")) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip(), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  /** A TEXT value without its escapes (RFC 5545 3.3.11). */
  private static String text(String value) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        text.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }
}
