package org.itops.calendar;

import static org.itops.platform.FormValues.isBlank;
import static org.itops.platform.FormValues.text;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * "Apply calendar change" of the process calendar-change: the start form's date becomes a holiday or a make-up
 * working day of the calendar, or goes back to its weekday; or (WEEK) the calendar gets the form's zone and weekly
 * working hours, a new calendar when the name is new. Each goes through the service method of /api/calendars with its
 * rules (IT managers only); a refused change fails the start and Tasklist shows why.
 */
@Component("applyCalendarChangeDelegate")
class ApplyCalendarChangeDelegate implements JavaDelegate {

  static final String REMOVE = "REMOVE";
  static final String WEEK = "WEEK";
  static final List<String> DAY_KINDS = List.of("HOLIDAY", "WORKING", REMOVE, WEEK);

  private final Calendars calendars;

  ApplyCalendarChangeDelegate(Calendars calendars) {
    this.calendars = calendars;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String name = text(execution, "calendarName");
    String date = text(execution, "date");
    String kind = text(execution, "dayKind");
    if (kind == null || !DAY_KINDS.contains(kind)) {
      throw new InvalidRequestException("dayKind", "reason.notOneOf", kind, DAY_KINDS);
    }
    if (WEEK.equals(kind)) {
      // a new name creates the calendar; an empty description keeps the one a calendar has
      String description = isBlank(text(execution, "description")) ? null : text(execution, "description");
      if (description == null && calendars.hoursNames().contains(name)) {
        description = calendars.view(name).description();
      }
      calendars.save(name, new CalendarInput(text(execution, "zone"), week(text(execution, "week")), description));
    } else if (REMOVE.equals(kind)) {
      calendars.removeDay(name, date);
    } else {
      calendars.putDay(name, date, new CalendarInput.Day(kind, text(execution, "dayName")));
    }
  }

  /**
   * The form's week, a line per working weekday ({@code MONDAY 09:00-12:00 13:30-18:00}), as the API's week: the
   * weekday, then its spans; spaces and commas part them. Checked by {@link CalendarInput#validate}.
   */
  static Map<String, List<String>> week(String text) {
    Map<String, List<String>> week = new LinkedHashMap<>();
    for (String line : (text == null ? "" : text).split("\\R")) {
      List<String> words = Arrays.stream(line.split("[\\s,]+")).filter(word -> !word.isEmpty()).toList();
      if (!words.isEmpty()) {
        week.put(words.get(0), words.subList(1, words.size()));
      }
    }
    return week;
  }
}
