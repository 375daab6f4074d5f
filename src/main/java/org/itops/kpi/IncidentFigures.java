package org.itops.kpi;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.itops.calendar.BusinessCalendar;
import org.itops.catalog.ServiceCatalog;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sums behind the incident KPIs: of the incidents closed before a watermark, summed per day in table
 * {@code kpi_incident_day} (V22); of the others, counted from the incident table when asked. A closed incident never
 * changes again (incident-lifecycle ends at its closing), so its share of the figures is final the day after; a year
 * of a million incidents then reads a few thousand sums instead of half a million rows. The days are the days of the
 * stored timestamps (the database's calendar); a period's partial days at its ends are counted from the rows.
 */
@Component
public class IncidentFigures {

  /**
   * What is summed, by the time of the step that counts: seconds (when measured) and two flags. Seconds are whole, as
   * the SLA clock counts them ({@link KpiService#secondsBetween}).
   */
  enum Measure {
    /** Reported in the period: {@code flagA} the response measured (taken or breached), {@code flagB} breached. */
    REPORTED("reported_at", null, "case when responded_at is not null or response_breached then 1 else 0 end",
        "case when response_breached then 1 else 0 end"),
    /** Taken in the period: seconds from the report. */
    TAKEN("responded_at", "0", "0", "0"),
    /** Resolved in the period: seconds without the pauses, {@code flagA} breached, {@code flagB} reopened before. */
    RESOLVED("resolved_at", "paused_seconds", "case when resolution_breached then 1 else 0 end",
        "case when reopen_count > 0 then 1 else 0 end");

    final String time;
    final String sums;
    /** What the seconds leave out (the pauses), or null where the measure has no seconds. */
    final String paused;

    Measure(String time, String paused, String flagA, String flagB) {
      this.time = time;
      this.paused = paused;
      String seconds = paused == null ? "0"
          : KpiService.secondsBetween("reported_at", time) + " - " + paused;
      this.sums = "count(*) as cases, sum(" + seconds + ") as seconds, sum(" + flagA + ") as flag_a, sum(" + flagB
          + ") as flag_b";
    }
  }

  /**
   * Sums of one priority and service ({@code ""} where the incident has none); {@code businessSeconds} are the seconds
   * counted in the hours of the service (its calendar; the same as {@code seconds} for a 24x7 service).
   */
  record Sums(String priority, String service, long cases, long seconds, long businessSeconds, long flagA,
      long flagB) {

    Sums withBusinessSeconds(long business) {
      return new Sums(priority, service, cases, seconds, business, flagA, flagB);
    }
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ServiceCatalog catalog;

  IncidentFigures(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
      ServiceCatalog catalog) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.catalog = catalog;
  }

  /**
   * The sums of a measure over {@code [from, to)}, of one service or (null) all, with the {@code hours} of the
   * services ({@link #hoursOfServices()}). Run in a transaction that sees one snapshot (repeatable read), so that a
   * day rolled up meanwhile is counted once.
   */
  List<Sums> of(Measure measure, Instant from, Instant to, String service, Function<String, BusinessCalendar> hours) {
    Timestamp watermark = jdbc.queryForObject("select watermark from kpi_rollup", Map.of(), Timestamp.class);
    String ofService = service == null ? "" : " and service = :service";
    MapSqlParameterSource parameters = new MapSqlParameterSource("service", service).addValue("watermark", watermark);
    if (watermark == null) {
      return rows(measure, from, to, ofService, parameters, hours);
    }
    List<Sums> sums = new ArrayList<>(rows(measure, from, to, " and (closed_at is null or closed_at >= :watermark)"
        + ofService, parameters, hours));
    String rolledUp = " and closed_at < :watermark" + ofService;
    LocalDateTime start = Timestamp.from(from).toLocalDateTime();
    LocalDate firstDay = start.toLocalDate().atStartOfDay().equals(start) ? start.toLocalDate()
        : start.toLocalDate().plusDays(1);
    LocalDate endDay = Timestamp.from(to).toLocalDateTime().toLocalDate();
    if (!firstDay.isBefore(endDay)) {
      sums.addAll(rows(measure, from, to, rolledUp, parameters, hours));
      return sums;
    }
    sums.addAll(rows(measure, from, Timestamp.valueOf(firstDay.atStartOfDay()).toInstant(), rolledUp, parameters,
        hours));
    sums.addAll(rows(measure, Timestamp.valueOf(endDay.atStartOfDay()).toInstant(), to, rolledUp, parameters, hours));
    sums.addAll(jdbc.query("select priority, service, sum(cases) as cases, sum(seconds) as seconds,"
        + " sum(business_seconds) as business_seconds, sum(flag_a) as flag_a, sum(flag_b) as flag_b"
        + " from kpi_incident_day where measure = :measure and on_day >= :firstDay and on_day < :endDay" + ofService
        + " group by priority, service",
        new MapSqlParameterSource(parameters.getValues()).addValue("measure", measure.name())
            .addValue("firstDay", Date.valueOf(firstDay)).addValue("endDay", Date.valueOf(endDay)),
        (row, i) -> new Sums(row.getString("priority"), row.getString("service"), row.getLong("cases"),
            row.getLong("seconds"), row.getLong("business_seconds"), row.getLong("flag_a"), row.getLong("flag_b"))));
    return sums;
  }

  /** The sums counted from the incidents of {@code [from, to)} that also meet {@code and ...} conditions. */
  private List<Sums> rows(Measure measure, Instant from, Instant to, String conditions,
      MapSqlParameterSource parameters, Function<String, BusinessCalendar> hours) {
    if (!from.isBefore(to)) {
      return List.of();
    }
    String which = measure.time + " >= :from and " + measure.time + " < :to" + conditions;
    MapSqlParameterSource period = new MapSqlParameterSource(parameters.getValues())
        .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
    return jdbc.query("select coalesce(priority, '') as priority, coalesce(service, '') as service, " + measure.sums
        + " from incident where " + which + " group by priority, service", period,
        (row, i) -> new Sums(row.getString("priority"), row.getString("service"), row.getLong("cases"),
            row.getLong("seconds"), row.getLong("seconds"), row.getLong("flag_a"), row.getLong("flag_b")))
        .stream().map(sums -> inServiceHours(measure, sums, which, period, hours)).toList();
  }

  /**
   * The sums with their seconds counted in the hours of their service: for a service on a calendar, from its
   * incidents one by one (those of the group that meet {@code which}); a 24x7 service's are its seconds.
   */
  private Sums inServiceHours(Measure measure, Sums sums, String which, MapSqlParameterSource parameters,
      Function<String, BusinessCalendar> hours) {
    BusinessCalendar calendar = hours.apply(sums.service());
    if (measure.paused == null || calendar == BusinessCalendar.ALWAYS) {
      return sums;
    }
    List<Long> seconds = jdbc.query("select reported_at, " + measure.time + " as ended, " + measure.paused
        + " as paused from incident where " + which + " and coalesce(priority, '') = :groupPriority"
        + " and service = :groupService", new MapSqlParameterSource(parameters.getValues())
        .addValue("groupPriority", sums.priority()).addValue("groupService", sums.service()),
        (row, i) -> calendar.workingTimeBetween(row.getTimestamp("reported_at").toInstant(),
            row.getTimestamp("ended").toInstant()).toSeconds() - row.getLong("paused"));
    return sums.withBusinessSeconds(seconds.stream().mapToLong(Long::longValue).sum());
  }

  /** The hours of services by name (24x7 for none or one not published), each looked up once. */
  Function<String, BusinessCalendar> hoursOfServices() {
    Map<String, BusinessCalendar> byService = new HashMap<>();
    return service -> service.isEmpty() ? BusinessCalendar.ALWAYS
        : byService.computeIfAbsent(service, catalog::hoursOf);
  }

  /**
   * Adds the incidents closed before today to the daily sums, a day per transaction, from the day after the watermark.
   * The watermark's row is locked meanwhile, so that the nodes of a cluster roll up each day once. The first run starts
   * at the day of the first closed incident; it waits ten minutes after the start, so that a month of demo data
   * (written with its own past dates) is in before.
   */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
  public void rollUp() {
    while (Boolean.TRUE.equals(transactions.execute(tx -> rollUpADay()))) {
      // one day after the other until today
    }
  }

  /** Rolls up the day at the watermark if it is over; answers whether it did. */
  private boolean rollUpADay() {
    Timestamp watermark = jdbc.queryForObject("select watermark from kpi_rollup for update", Map.of(),
        Timestamp.class);
    LocalDateTime today = LocalDateTime.ofInstant(clock.instant(), ZoneId.systemDefault()).toLocalDate()
        .atStartOfDay();
    LocalDateTime day;
    if (watermark != null) {
      day = watermark.toLocalDateTime();
    } else {
      Timestamp firstClosed = jdbc.queryForObject("select min(closed_at) from incident", Map.of(), Timestamp.class);
      if (firstClosed == null) {
        return false;
      }
      day = firstClosed.toLocalDateTime().toLocalDate().atStartOfDay();
    }
    if (!day.isBefore(today)) {
      return false;
    }
    MapSqlParameterSource closed = new MapSqlParameterSource("from", Timestamp.valueOf(day))
        .addValue("to", Timestamp.valueOf(day.plusDays(1)));
    Function<String, BusinessCalendar> hours = hoursOfServices();
    for (Measure measure : Measure.values()) {
      String onDay = "cast(" + measure.time + " as date)";
      List<Map<String, Object>> days = jdbc.queryForList("select " + onDay + " as on_day,"
          + " coalesce(priority, '') as priority, coalesce(service, '') as service, " + measure.sums
          + " from incident where closed_at >= :from and closed_at < :to and " + measure.time + " is not null"
          + " group by " + onDay + ", priority, service", closed);
      for (Map<String, Object> group : days) {
        long seconds = KpiService.count(group, "seconds");
        Sums wallTime = new Sums((String) group.get("priority"), (String) group.get("service"),
            KpiService.count(group, "cases"), seconds, seconds, KpiService.count(group, "flag_a"),
            KpiService.count(group, "flag_b"));
        Sums sums = inServiceHours(measure, wallTime, "closed_at >= :from and closed_at < :to and " + onDay + " = :day",
            new MapSqlParameterSource(closed.getValues()).addValue("day", group.get("on_day")), hours);
        MapSqlParameterSource row = new MapSqlParameterSource("measure", measure.name())
            .addValue("day", group.get("on_day")).addValue("priority", sums.priority())
            .addValue("service", sums.service()).addValue("cases", sums.cases()).addValue("seconds", sums.seconds())
            .addValue("business", sums.businessSeconds()).addValue("flag_a", sums.flagA())
            .addValue("flag_b", sums.flagB());
        int added = jdbc.update("update kpi_incident_day set cases = cases + :cases, seconds = seconds + :seconds,"
            + " business_seconds = business_seconds + :business, flag_a = flag_a + :flag_a, flag_b = flag_b + :flag_b"
            + " where measure = :measure and on_day = :day and priority = :priority and service = :service", row);
        if (added == 0) {
          jdbc.update("insert into kpi_incident_day (measure, on_day, priority, service, cases, seconds,"
              + " business_seconds, flag_a, flag_b) values (:measure, :day, :priority, :service, :cases, :seconds,"
              + " :business, :flag_a, :flag_b)", row);
        }
      }
    }
    jdbc.update("update kpi_rollup set watermark = :to", closed);
    return true;
  }
}
