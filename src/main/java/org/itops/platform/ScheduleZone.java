package org.itops.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The suite's schedules in its zone ({@code itops.time-zone}) while the JVM and the database keep theirs (UTC in the
 * database): the cron expressions of BPMN timer cycles ({@code 0 0 6 * * ?} is 06:00 in the suite's zone) and the
 * history cleanup window ({@code 01:00} to {@code 05:00} in the suite's zone, unless written with an offset).
 *
 * <p>The engine reads cron expressions in the JVM's default zone and offers no public way to give them another (its
 * {@code CronTimer} asks {@code ZoneId.systemDefault()}); setting the JVM's zone instead would move what JDBC writes
 * into timestamp columns. So this plugin, in Camunda's {@code impl} packages like every engine plugin, replaces the
 * engine's "cycle" calendar by one that lets the engine's own cron evaluation run on the suite's wall-clock time. The
 * window gets the zone's offset at start; in a zone with daylight saving time it moves by an hour until the next start.
 */
@Component
class ScheduleZone extends AbstractProcessEnginePlugin {

  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");

  private final ZoneId zone;

  ScheduleZone(SuiteProperties suite) {
    this.zone = suite.zone();
  }

  /** Runs after the starter has applied {@code camunda.bpm.generic-properties} (plugins without an order come last). */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new ZonedCycleCalendar(zone));
    configuration.setBusinessCalendarManager(calendars);
    configuration.setHistoryCleanupBatchWindowStartTime(inZone(configuration.getHistoryCleanupBatchWindowStartTime()));
    configuration.setHistoryCleanupBatchWindowEndTime(inZone(configuration.getHistoryCleanupBatchWindowEndTime()));
  }

  /** {@code HH:mm} with the zone's offset now ({@code HH:mmZ}, which the engine reads); a time with an offset as is. */
  private String inZone(String time) {
    if (time == null || time.isBlank() || time.strip().length() > "HH:mm".length()) {
      return time;
    }
    return time.strip() + OFFSET.format(zone.getRules().getOffset(ClockUtil.getCurrentTime().toInstant()));
  }

  /** Cron cycles on the suite's wall clock; ISO 8601 repetitions ({@code R3/P2D}) do not depend on a zone. */
  static final class ZonedCycleCalendar extends CycleBusinessCalendar {

    private final ZoneId zone;

    ZonedCycleCalendar(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public Date resolveDuedate(String duedate, Date startDate, long repeatOffset) {
      if (duedate.startsWith("R")) {
        return super.resolveDuedate(duedate, startDate, repeatOffset);
      }
      Date start = startDate == null ? ClockUtil.getCurrentTime() : startDate;
      // the suite's wall-clock time now, as the JVM's zone writes it; the engine's cron finds the next time on that
      // clock, which is then read back on the suite's clock
      Date due = super.resolveDuedate(duedate, Date.from(moved(start.toInstant(), zone, ZoneId.systemDefault())),
          repeatOffset);
      return due == null ? null : Date.from(moved(due.toInstant(), ZoneId.systemDefault(), zone));
    }

    private static Instant moved(Instant instant, ZoneId from, ZoneId to) {
      return LocalDateTime.ofInstant(instant, from).atZone(to).toInstant();
    }
  }
}
