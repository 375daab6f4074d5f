package org.itops.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Calendars in tables {@code business_calendar}, {@code business_calendar_span} and {@code business_calendar_day}. */
@Repository
class CalendarRepository {

  /** A calendar's row without its spans and days. */
  record Row(String name, ZoneId zone, String description, String updatedBy, Instant updatedAt) {}

  /** A working span of a calendar's weekday (1 is Monday), its times as written: an end of 24:00 ends the day. */
  record Span(String calendarName, int dayOfWeek, String startsAt, String endsAt) {}

  /** A holiday or make-up working day of a calendar. */
  record Day(String calendarName, LocalDate onDate, CalendarDay.Kind kind, String name) {}

  private static final Table<Row> CALENDARS = Table.of("business_calendar", Row.class, "name");
  private static final Table<Span> SPANS = Table.of("business_calendar_span", Span.class, "calendarName");
  private static final Table<Day> DAYS = Table.of("business_calendar_day", Day.class, "calendarName");

  private final NamedParameterJdbcTemplate jdbc;

  CalendarRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Row> rows() {
    return jdbc.query(CALENDARS.select() + " order by name", CALENDARS.rows());
  }

  Optional<Row> row(String name) {
    return jdbc.query(CALENDARS.select() + " where name = :name", Map.of("name", name), CALENDARS.rows()).stream()
        .findFirst();
  }

  Optional<BusinessCalendar> find(String name) {
    return row(name).map(row -> new BusinessCalendar(name, row.zone(), week(name), days(name)));
  }

  private Map<DayOfWeek, List<WorkingSpan>> week(String name) {
    Map<DayOfWeek, List<WorkingSpan>> week = new EnumMap<>(DayOfWeek.class);
    for (Span span : jdbc.query(SPANS.select() + " where calendar_name = :name", Map.of("name", name),
        SPANS.rows())) {
      week.computeIfAbsent(DayOfWeek.of(span.dayOfWeek()), day -> new ArrayList<>())
          .add(WorkingSpan.parse(span.startsAt() + "-" + span.endsAt()));
    }
    return week;
  }

  private List<CalendarDay> days(String name) {
    return jdbc.query(DAYS.select() + " where calendar_name = :name order by on_date", Map.of("name", name),
        DAYS.rows()).stream().map(day -> new CalendarDay(day.onDate(), day.kind(), day.name())).toList();
  }

  boolean hasDays(String name) {
    Integer count = jdbc.queryForObject("select count(*) from business_calendar_day where calendar_name = :name",
        Map.of("name", name), Integer.class);
    return count != null && count > 0;
  }

  /** Writes the calendar's row and its week, replacing what it had (its days stay). */
  void save(String name, ZoneId zone, String description, Map<DayOfWeek, List<WorkingSpan>> week, String by,
      Instant at) {
    Row row = new Row(name, zone, description, by, at);
    if (jdbc.update(CALENDARS.update(), CALENDARS.parameters(row)) == 0) {
      jdbc.update(CALENDARS.insert(), CALENDARS.parameters(row));
    }
    jdbc.update("delete from business_calendar_span where calendar_name = :name", Map.of("name", name));
    week.forEach((day, spans) -> spans.forEach(span -> jdbc.update(SPANS.insert(), SPANS.parameters(
        new Span(name, day.getValue(), span.start().toString(), span.endText())))));
  }

  /** Sets the days, each replacing what its date was. */
  void putDays(String name, List<CalendarDay> days) {
    for (CalendarDay day : days) {
      removeDay(name, day.date());
      jdbc.update(DAYS.insert(), DAYS.parameters(new Day(name, day.date(), day.kind(), day.name())));
    }
  }

  void removeDay(String name, LocalDate date) {
    jdbc.update("delete from business_calendar_day where calendar_name = :name and on_date = :date",
        new MapSqlParameterSource("name", name).addValue("date", Date.valueOf(date)));
  }

  void touch(String name, String by, Instant at) {
    jdbc.update("update business_calendar set updated_by = :by, updated_at = :at where name = :name",
        new MapSqlParameterSource("name", name).addValue("by", by).addValue("at", Timestamp.from(at)));
  }
}
