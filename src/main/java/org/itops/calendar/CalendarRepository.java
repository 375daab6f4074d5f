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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Calendars in tables {@code business_calendar}, {@code business_calendar_span} and {@code business_calendar_day}. */
@Repository
class CalendarRepository {

  /** A calendar's row without its spans and days. */
  record Row(String name, ZoneId zone, String description, String updatedBy, Instant updatedAt) {}

  private final JdbcTemplate jdbc;

  CalendarRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static final RowMapper<Row> ROWS = (rs, i) -> new Row(rs.getString("name"),
      ZoneId.of(rs.getString("zone")), rs.getString("description"), rs.getString("updated_by"),
      rs.getTimestamp("updated_at").toInstant());

  List<Row> rows() {
    return jdbc.query("select * from business_calendar order by name", ROWS);
  }

  Optional<Row> row(String name) {
    return jdbc.query("select * from business_calendar where name = ?", ROWS, name).stream().findFirst();
  }

  Optional<BusinessCalendar> find(String name) {
    return row(name).map(row -> new BusinessCalendar(name, row.zone(), week(name), days(name)));
  }

  private Map<DayOfWeek, List<WorkingSpan>> week(String name) {
    Map<DayOfWeek, List<WorkingSpan>> week = new EnumMap<>(DayOfWeek.class);
    jdbc.query("select day_of_week, starts_at, ends_at from business_calendar_span where calendar_name = ?",
        rs -> {
          week.computeIfAbsent(DayOfWeek.of(rs.getInt("day_of_week")), day -> new ArrayList<>())
              .add(WorkingSpan.parse(rs.getString("starts_at") + "-" + rs.getString("ends_at")));
        }, name);
    return week;
  }

  private List<CalendarDay> days(String name) {
    return jdbc.query("select on_date, kind, name from business_calendar_day where calendar_name = ? order by on_date",
        (rs, i) -> new CalendarDay(rs.getDate("on_date").toLocalDate(), CalendarDay.Kind.valueOf(rs.getString("kind")),
            rs.getString("name")), name);
  }

  boolean hasDays(String name) {
    Integer count = jdbc.queryForObject("select count(*) from business_calendar_day where calendar_name = ?",
        Integer.class, name);
    return count != null && count > 0;
  }

  /** Writes the calendar's row and its week, replacing what it had (its days stay). */
  void save(String name, ZoneId zone, String description, Map<DayOfWeek, List<WorkingSpan>> week, String by,
      Instant at) {
    int updated = jdbc.update("update business_calendar set zone = ?, description = ?, updated_by = ?, updated_at = ?"
        + " where name = ?", zone.getId(), description, by, Timestamp.from(at), name);
    if (updated == 0) {
      jdbc.update("insert into business_calendar (name, zone, description, updated_by, updated_at)"
          + " values (?, ?, ?, ?, ?)", name, zone.getId(), description, by, Timestamp.from(at));
    }
    jdbc.update("delete from business_calendar_span where calendar_name = ?", name);
    week.forEach((day, spans) -> spans.forEach(span -> jdbc.update("insert into business_calendar_span"
        + " (calendar_name, day_of_week, starts_at, ends_at) values (?, ?, ?, ?)", name, day.getValue(),
        span.start().toString(), span.endText())));
  }

  /** Sets the days, each replacing what its date was. */
  void putDays(String name, List<CalendarDay> days) {
    for (CalendarDay day : days) {
      removeDay(name, day.date());
      jdbc.update("insert into business_calendar_day (calendar_name, on_date, kind, name) values (?, ?, ?, ?)", name,
          Date.valueOf(day.date()), day.kind().name(), day.name());
    }
  }

  void removeDay(String name, LocalDate date) {
    jdbc.update("delete from business_calendar_day where calendar_name = ? and on_date = ?", name, Date.valueOf(date));
  }

  void touch(String name, String by, Instant at) {
    jdbc.update("update business_calendar set updated_by = ?, updated_at = ? where name = ?", by, Timestamp.from(at),
        name);
  }
}
