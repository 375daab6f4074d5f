package org.itops.kpi;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.itops.calendar.BusinessCalendar;
import org.itops.catalog.CatalogEntry;
import org.itops.catalog.ServiceCatalog;
import org.itops.kpi.IncidentFigures.Measure;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs of a period over the records of the suite (incidents, changes, demands, surveys): a read model over the
 * features' tables (docs/kpis.md). Counts and means are aggregated in SQL, written alike for H2 and PostgreSQL, over
 * indexed time columns (V22); the incidents' come from {@link IncidentFigures}, which keeps daily sums of the closed
 * ones, so that a year over a million incidents is about as light to answer as a month.
 */
@Service
public class KpiService {

  /** The KPIs an improvement can target (guide 8.4), by key, with what they measure. */
  public static final Map<String, String> TARGETS = targets();

  private final NamedParameterJdbcTemplate jdbc;
  private final IncidentFigures figures;
  private final ServiceCatalog catalog;
  private final Clock clock;

  KpiService(NamedParameterJdbcTemplate jdbc, IncidentFigures figures, ServiceCatalog catalog, Clock clock) {
    this.jdbc = jdbc;
    this.figures = figures;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** The KPIs of {@code [from, to)}, of one service or (null) of all. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Kpis of(Instant from, Instant to, String service) {
    MapSqlParameterSource period = new MapSqlParameterSource().addValue("from", Timestamp.from(from))
        .addValue("to", Timestamp.from(to)).addValue("service", service);
    return new Kpis(from, to, service, incidents(period, from, to, service), changes(period, service),
        demands(period, service), drills(period), satisfaction(period, service), pages(period),
        problems(period, service), availability(from, to, service));
  }

  /**
   * The availability in {@code [from, to)} (up to now, if it has not ended) of each published service with an
   * availability target, or of the one named. Reads only the incidents marked as outages that overlap the period
   * (index {@code incident_outage}, V25).
   */
  @Transactional(readOnly = true)
  public List<Kpis.ServiceAvailability> availability(Instant from, Instant to, String service) {
    List<CatalogEntry> services = catalog.list(CatalogEntry.Status.PUBLISHED).stream()
        .filter(s -> s.availabilityTarget() != null && (service == null || service.equals(s.name()))).toList();
    if (services.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    Instant end = to.isAfter(now) ? now : to;
    Map<String, List<Availability.Outage>> outages = new HashMap<>();
    jdbc.query("select service, outage_start, resolved_at from incident where service in (:services)"
        + " and outage = true and outage_start < :end and (resolved_at is null or resolved_at > :from)",
        new MapSqlParameterSource("services", services.stream().map(CatalogEntry::name).toList())
            .addValue("from", Timestamp.from(from)).addValue("end", Timestamp.from(end)), row -> {
          Timestamp resolved = row.getTimestamp(3);
          outages.computeIfAbsent(row.getString(1), name -> new ArrayList<>()).add(new Availability.Outage(
              row.getTimestamp(2).toInstant(), resolved == null ? null : resolved.toInstant()));
        });
    List<Kpis.ServiceAvailability> measured = new ArrayList<>();
    for (CatalogEntry s : services) {
      Availability.Measured m = Availability.of(outages.getOrDefault(s.name(), List.of()), from,
          end.isAfter(from) ? end : from, catalog.hoursOf(s.name()));
      double target = s.availabilityTarget().doubleValue();
      Double ratio = m.ratio();
      measured.add(new Kpis.ServiceAvailability(s.name(), target,
          ratio == null ? null : Math.round(ratio * 100_000) / 1000.0,
          ratio == null ? null : Math.round(ratio * 100_000) / 100_000.0, m.downTime().toMinutes(),
          m.serviceTime().toMinutes(), ratio == null ? null : ratio * 100 >= target));
    }
    return measured;
  }

  /** The value of a target KPI ({@link #TARGETS}) in the KPIs, null when the period has nothing to measure. */
  public static Double value(Kpis kpis, String key) {
    return switch (key) {
      case "response-sla" -> kpis.incidents().responseSlaPercent();
      case "resolution-sla" -> kpis.incidents().resolutionSlaPercent();
      case "reopen-rate" -> kpis.incidents().reopenRatePercent();
      case "change-success-rate" -> kpis.changes().successRatePercent();
      case "emergency-change-ratio" -> kpis.changes().emergencyRatioPercent();
      case "demand-lead-time" -> kpis.demands().leadTimeDays();
      case "acceptance-first-pass" -> kpis.demands().acceptanceFirstPassPercent();
      case "csat" -> kpis.satisfaction().csat();
      case "drill-pass-rate" -> kpis.drills().passRatePercent();
      case "availability" -> kpis.availability().stream().filter(a -> a.service().equals(kpis.service()))
          .map(Kpis.ServiceAvailability::availabilityPercent).findFirst().orElse(null);
      default -> {
        if (key.matches("mtt[ar]-p[1-4]")) {
          Map<String, Double> means = key.startsWith("mtta") ? kpis.incidents().mttaMinutes()
              : kpis.incidents().mttrMinutes();
          yield means.get(key.substring(5).toUpperCase());
        }
        throw new IllegalArgumentException("Unknown KPI '" + key + "'; the KPIs are " + TARGETS.keySet());
      }
    };
  }

  private static Map<String, String> targets() {
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("response-sla", "Incidents that met their response target (%)");
    targets.put("resolution-sla", "Incidents that met their resolution target (%)");
    for (String priority : Kpis.PRIORITIES) {
      targets.put("mtta-" + priority.toLowerCase(), "Mean time to take a " + priority + " incident (minutes)");
      targets.put("mttr-" + priority.toLowerCase(), "Mean time to resolve a " + priority + " incident (minutes)");
    }
    targets.put("reopen-rate", "Resolved incidents that had been reopened (%)");
    targets.put("change-success-rate", "Implemented changes that succeeded (%)");
    targets.put("emergency-change-ratio", "Changes that were emergencies (%)");
    targets.put("demand-lead-time", "Days from a demand to its delivery");
    targets.put("acceptance-first-pass", "Deliveries accepted at the first test (%)");
    targets.put("drill-pass-rate", "Emergency drills in which every team met the objectives (%)");
    targets.put("csat", "Mean satisfaction rating (1-5)");
    targets.put("availability", "Availability of the service in its hours of service (%)");
    return java.util.Collections.unmodifiableMap(targets);
  }

  private Kpis.Incidents incidents(MapSqlParameterSource period, Instant from, Instant to, String service) {
    Function<String, BusinessCalendar> hours = figures.hoursOfServices();
    List<IncidentFigures.Sums> taken = figures.of(Measure.TAKEN, from, to, service, hours);
    List<IncidentFigures.Sums> resolved = figures.of(Measure.RESOLVED, from, to, service, hours);
    List<IncidentFigures.Sums> reported = figures.of(Measure.REPORTED, from, to, service, hours);
    long resolvedCount = total(resolved, IncidentFigures.Sums::cases);
    // the response is measured once the incident was taken or its response breached
    long measured = total(reported, IncidentFigures.Sums::flagA);
    Map<String, Long> perService = new TreeMap<>();
    reported.forEach(sums -> perService.merge(sums.service().isEmpty() ? "(none)" : sums.service(), sums.cases(),
        Long::sum));
    String ofService = service == null ? "" : " and service = :service";
    return new Kpis.Incidents(total(reported, IncidentFigures.Sums::cases), resolvedCount,
        meanMinutes(taken, IncidentFigures.Sums::seconds), meanMinutes(resolved, IncidentFigures.Sums::seconds),
        percent(measured - total(reported, IncidentFigures.Sums::flagB), measured),
        percent(resolvedCount - total(resolved, IncidentFigures.Sums::flagA), resolvedCount),
        backlog(period, to, ofService), percent(total(resolved, IncidentFigures.Sums::flagB), resolvedCount),
        perService, meanMinutes(taken, IncidentFigures.Sums::businessSeconds),
        meanMinutes(resolved, IncidentFigures.Sums::businessSeconds));
  }

  /**
   * The incidents open at the end of the period by their age then. Those resolved or closed before it are most of the
   * table and are passed over through the indexes on the time columns: an incident is open at {@code to} if it was
   * not yet resolved or closed then.
   */
  private Map<String, Long> backlog(MapSqlParameterSource period, Instant to, String ofService) {
    MapSqlParameterSource ages = new MapSqlParameterSource(period.getValues())
        .addValue("day", Timestamp.from(to.minus(Duration.ofDays(1))))
        .addValue("threeDays", Timestamp.from(to.minus(Duration.ofDays(3))))
        .addValue("week", Timestamp.from(to.minus(Duration.ofDays(7))));
    Map<String, Object> counts = jdbc.queryForMap("select sum(case when reported_at > :day then 1 else 0 end) as d1,"
        + " sum(case when reported_at <= :day and reported_at > :threeDays then 1 else 0 end) as d3,"
        + " sum(case when reported_at <= :threeDays and reported_at > :week then 1 else 0 end) as d7,"
        + " sum(case when reported_at <= :week then 1 else 0 end) as older from incident where reported_at < :to"
        + " and (resolved_at is null or resolved_at >= :to) and (closed_at is null or closed_at >= :to)" + ofService,
        ages);
    Map<String, Long> backlog = new LinkedHashMap<>();
    backlog.put("<1d", count(counts, "d1"));
    backlog.put("1-3d", count(counts, "d3"));
    backlog.put("3-7d", count(counts, "d7"));
    backlog.put(">7d", count(counts, "older"));
    return backlog;
  }

  private Kpis.Changes changes(MapSqlParameterSource period, String service) {
    String ofService = service == null ? "" : " and exists (select 1 from change_item i join configuration_item c"
        + " on c.id = i.ci_id where i.change_number = number and c.service = :service)";
    Map<String, Object> closed = jdbc.queryForMap("select count(*) as closed, sum(case when outcome = 'SUCCESSFUL'"
        + " then 1 else 0 end) as succeeded from change_request where closed_at >= :from and closed_at < :to"
        + " and outcome in ('SUCCESSFUL', 'FAILED', 'BACKED_OUT')" + ofService, period);
    Map<String, Object> requested = jdbc.queryForMap("select count(*) as requested, sum(case when classification ="
        + " 'emergency' then 1 else 0 end) as emergencies from change_request where created_at >= :from"
        + " and created_at < :to and classification is not null" + ofService, period);
    return new Kpis.Changes(count(closed, "closed"), percent(count(closed, "succeeded"), count(closed, "closed")),
        count(requested, "requested"), percent(count(requested, "emergencies"), count(requested, "requested")));
  }

  /** Delivered demands are few (a handful a month), and a demand names its services as a list: read as rows. */
  private Kpis.Demands demands(MapSqlParameterSource period, String service) {
    List<Map<String, Object>> delivered = jdbc.queryForList("select d.created_at, d.closed_at, d.affected_services,"
        + " v.acceptance_rounds from demand d join demand_delivery v on v.demand_number = d.number"
        + " where d.status = 'DELIVERED' and d.closed_at >= :from and d.closed_at < :to", period).stream()
        .filter(row -> service == null || affects(row.get("affected_services"), service)).toList();
    return new Kpis.Demands(delivered.size(), mean(delivered.stream().map(row -> Duration.between(
        instant(row, "created_at"), instant(row, "closed_at")).toSeconds() / (60.0 * 60 * 24)).toList()),
        percent(delivered.stream().filter(row -> ((Number) row.get("acceptance_rounds")).intValue() == 1).count(),
        delivered.size()));
  }

  private Kpis.Drills drills(MapSqlParameterSource period) {
    Map<String, Object> drills = jdbc.queryForMap("select count(*) as evaluated, sum(case when result = 'PASSED'"
        + " then 1 else 0 end) as passed from drill where result is not null"
        + " and coalesce(scheduled_for, created_at) >= :from and coalesce(scheduled_for, created_at) < :to", period);
    return new Kpis.Drills(count(drills, "evaluated"), percent(count(drills, "passed"), count(drills, "evaluated")));
  }

  private Kpis.Satisfaction satisfaction(MapSqlParameterSource period, String service) {
    Map<String, Object> answers = jdbc.queryForMap("select count(*) as answers, avg(cast(rating as double precision))"
        + " as csat, sum(case when rating >= 4 then 1 else 0 end) as satisfied from survey where answered_at >= :from"
        + " and answered_at < :to" + (service == null ? "" : " and service = :service"), period);
    Number csat = (Number) answers.get("csat");
    return new Kpis.Satisfaction(count(answers, "answers"), csat == null ? null : round(csat.doubleValue()),
        percent(count(answers, "satisfied"), count(answers, "answers")));
  }

  private Kpis.Pages pages(MapSqlParameterSource period) {
    Map<String, Object> pages = jdbc.queryForMap("select count(*) as paged, count(acknowledged_at) as acknowledged,"
        + " avg(" + secondsBetween("paged_at", "acknowledged_at") + ") as mean_seconds"
        + " from oncall_page where paged_at >= :from and paged_at < :to", period);
    Number meanSeconds = (Number) pages.get("mean_seconds");
    return new Kpis.Pages(count(pages, "paged"), count(pages, "acknowledged"),
        meanSeconds == null ? null : round(meanSeconds.doubleValue() / 60));
  }

  private Kpis.Problems problems(MapSqlParameterSource period, String service) {
    String ofService = service == null ? "" : " and service = :service";
    Long open = jdbc.queryForObject("select count(*) from problem where created_at < :to"
        + " and (closed_at is null or closed_at >= :to)" + ofService, period, Long.class);
    Long linked = jdbc.queryForObject("select count(distinct l.incident_number) from problem_incident l join incident i"
        + " on i.number = l.incident_number where i.reported_at >= :from and i.reported_at < :to"
        + (service == null ? "" : " and i.service = :service"), period, Long.class);
    Map<String, Object> rootCauses = jdbc.queryForMap("select avg(" + secondsBetween("created_at", "root_cause_at")
        + ") as mean_seconds from problem where root_cause_at >= :from"
        + " and root_cause_at < :to" + ofService, period);
    Map<String, Object> fixed = jdbc.queryForMap("select count(*) as fixed, sum(case when recurred_after_fix then 1"
        + " else 0 end) as recurred from problem where fixed_at >= :from and fixed_at < :to" + ofService, period);
    Number meanSeconds = (Number) rootCauses.get("mean_seconds");
    return new Kpis.Problems(open, linked, meanSeconds == null ? null : round(meanSeconds.doubleValue() / 3600),
        percent(count(fixed, "recurred"), count(fixed, "fixed")));
  }


  private static boolean affects(Object services, String service) {
    return services != null && List.of(services.toString().split(",\\s*")).contains(service);
  }

  /** The mean of the seconds per priority, in minutes (null where none). */
  private static Map<String, Double> meanMinutes(List<IncidentFigures.Sums> sums,
      ToLongFunction<IncidentFigures.Sums> seconds) {
    Map<String, Double> means = new LinkedHashMap<>();
    for (String priority : Kpis.PRIORITIES) {
      List<IncidentFigures.Sums> ofPriority = sums.stream().filter(s -> priority.equals(s.priority())).toList();
      long cases = total(ofPriority, IncidentFigures.Sums::cases);
      means.put(priority, cases == 0 ? null
          : round(total(ofPriority, seconds) / 60.0 / cases));
    }
    return means;
  }

  private static long total(List<IncidentFigures.Sums> sums, ToLongFunction<IncidentFigures.Sums> figure) {
    return sums.stream().mapToLong(figure).sum();
  }

  /**
   * SQL for the whole seconds from one time column to another, as the SLA clock counts them; {@code extract(epoch ...)}
   * is written alike in H2 and PostgreSQL.
   */
  static String secondsBetween(String start, String end) {
    return "floor(extract(epoch from " + end + ") - extract(epoch from " + start + "))";
  }

  /** A count or a sum of a row ({@code sum} of no rows is null). */
  static long count(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Double mean(List<Double> values) {
    return values.isEmpty() ? null : round(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
  }

  private static Double percent(long part, long whole) {
    return whole == 0 ? null : round(100.0 * part / whole);
  }

  private static Instant instant(Map<String, Object> row, String column) {
    // queryForList's rows take column names in any case (H2 answers upper case, PostgreSQL lower case)
    return ((Timestamp) row.get(column)).toInstant();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
