package org.itops.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;

/**
 * A calendar as it is sent to {@code PUT /api/calendars/{name}}: its zone, its working spans per weekday
 * ({@code "MONDAY": ["09:00-12:00", "13:30-18:00"]}, a day not named does not work) and a description. Read into
 * {@link BusinessCalendar} parts by {@link #spans()} after {@link #validate}.
 */
public record CalendarInput(String zone, Map<String, List<String>> week, String description) {

  /** What a calendar's name may be: it is what a service's hours name (catalog_service.hours, 20 characters). */
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,19}");
  static final int MAX_DAY_NAME = 200;
  static final int MAX_DESCRIPTION = 500;

  /** The calendar's name and this input, every mistake at once. */
  void validate(String name) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || !NAME.matcher(name).matches() || BusinessCalendar.ALWAYS_NAME.equals(name)) {
      errors.add(new FieldError("name", "reason.calendar.name", name));
    }
    if (zoneId() == null) {
      errors.add(new FieldError("zone", "reason.calendar.zone", zone));
    }
    if (description != null && description.length() > MAX_DESCRIPTION) {
      errors.add(new FieldError("description", "reason.maxLength", MAX_DESCRIPTION));
    }
    Map<String, List<String>> days = week == null ? Map.of() : week;
    days.forEach((day, spans) -> spanErrors(day, spans == null ? List.of() : spans, errors));
    if (errors.isEmpty() && spans().values().stream().allMatch(List::isEmpty)) {
      errors.add(new FieldError("week", "reason.calendar.noHours"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private static void spanErrors(String day, List<String> texts, List<FieldError> errors) {
    if (dayOfWeek(day) == null) {
      errors.add(new FieldError("week", "reason.calendar.weekday", day, List.of(DayOfWeek.values())));
      return;
    }
    List<WorkingSpan> spans = new ArrayList<>();
    for (String text : texts) {
      WorkingSpan span = WorkingSpan.parse(text);
      if (span == null) {
        errors.add(new FieldError("week." + day, "reason.calendar.span", text));
      } else if (spans.stream().anyMatch(span::overlaps)) {
        errors.add(new FieldError("week." + day, "reason.calendar.overlap", text, spans));
      } else {
        spans.add(span);
      }
    }
  }

  ZoneId zoneId() {
    try {
      return zone == null ? null : ZoneId.of(zone.strip());
    } catch (DateTimeException notAZone) {
      return null;
    }
  }

  /** The spans of each weekday; call after {@link #validate}. */
  Map<DayOfWeek, List<WorkingSpan>> spans() {
    Map<DayOfWeek, List<WorkingSpan>> spans = new EnumMap<>(DayOfWeek.class);
    (week == null ? Map.<String, List<String>>of() : week).forEach((day, texts) -> spans.put(dayOfWeek(day),
        (texts == null ? List.<String>of() : texts).stream().map(WorkingSpan::parse).toList()));
    return spans;
  }

  private static DayOfWeek dayOfWeek(String day) {
    try {
      return day == null ? null : DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException notADay) {
      return null;
    }
  }

  /** One holiday or make-up working day as sent: {@code kind} HOLIDAY or WORKING, a name. */
  public record Day(String kind, String name) {

    CalendarDay on(String date) {
      List<FieldError> errors = new ArrayList<>();
      LocalDate day = null;
      try {
        day = LocalDate.parse(date);
      } catch (DateTimeParseException notADate) {
        errors.add(new FieldError("date", "reason.calendar.date", date));
      }
      CalendarDay.Kind dayKind = null;
      try {
        dayKind = CalendarDay.Kind.valueOf(String.valueOf(kind).strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException notAKind) {
        errors.add(kind == null ? new FieldError("kind", "reason.requiredOneOf", List.of(CalendarDay.Kind.values()))
            : new FieldError("kind", "reason.notOneOf", kind, List.of(CalendarDay.Kind.values())));
      }
      if (name == null || name.isBlank() || name.length() > MAX_DAY_NAME) {
        errors.add(new FieldError("name", "reason.requiredMaxLength", MAX_DAY_NAME));
      }
      if (!errors.isEmpty()) {
        throw new InvalidRequestException(errors);
      }
      return new CalendarDay(day, dayKind, name.strip());
    }
  }
}
