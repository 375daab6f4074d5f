package org.itops.kpi;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs of a period over the records of the suite (incidents, changes, demands, surveys). The rows are read with
 * plain SQL and the figures computed here, so that the same code runs on H2 and PostgreSQL.
 */
@Service
public class KpiService {

  /** The KPIs an improvement can target (guide 8.4), by key, with what they measure. */
  public static final Map<String, String> TARGETS = targets();

  private final NamedParameterJdbcTemplate jdbc;

  KpiService(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The KPIs of {@code [from, to)}, of one service or (null) of all. */
  @Transactional(readOnly = true)
  public Kpis of(Instant from, Instant to, String service) {
    MapSqlParameterSource period = new MapSqlParameterSource().addValue("from", Timestamp.from(from))
        .addValue("to", Timestamp.from(to)).addValue("service", service);
    return new Kpis(from, to, service, incidents(period, to, service), changes(period, service),
        demands(period, service), drills(period), satisfaction(period, service));
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
    return java.util.Collections.unmodifiableMap(targets);
  }

  private Kpis.Incidents incidents(MapSqlParameterSource period, Instant to, String service) {
    String ofService = service == null ? "" : " and service = :service";
    List<Map<String, Object>> taken = jdbc.queryForList("select priority, reported_at, responded_at from incident"
        + " where responded_at >= :from and responded_at < :to" + ofService, period);
    List<Map<String, Object>> resolved = jdbc.queryForList("select priority, reported_at, resolved_at, paused_seconds,"
        + " resolution_breached, reopen_count from incident where resolved_at >= :from and resolved_at < :to"
        + ofService, period);
    List<Map<String, Object>> reported = jdbc.queryForList("select priority, service, responded_at,"
        + " response_breached from incident where reported_at >= :from and reported_at < :to" + ofService, period);
    List<Map<String, Object>> open = jdbc.queryForList("select reported_at from incident where reported_at < :to"
        + " and (resolved_at is null or resolved_at >= :to) and (closed_at is null or closed_at >= :to)" + ofService,
        period);

    Map<String, Double> mtta = meanPerPriority(taken, row -> minutes(row, "reported_at", "responded_at"));
    Map<String, Double> mttr = meanPerPriority(resolved, row -> minutes(row, "reported_at", "resolved_at")
        - ((Number) row.get("paused_seconds")).doubleValue() / 60);
    List<Map<String, Object>> responseMeasured = reported.stream()
        .filter(row -> row.get("responded_at") != null || Boolean.TRUE.equals(row.get("response_breached"))).toList();
    Double responseSla = percent(responseMeasured.stream().filter(row -> !Boolean.TRUE.equals(
        row.get("response_breached"))).count(), responseMeasured.size());
    Double resolutionSla = percent(resolved.stream().filter(row -> !Boolean.TRUE.equals(
        row.get("resolution_breached"))).count(), resolved.size());
    Double reopenRate = percent(resolved.stream().filter(row -> ((Number) row.get("reopen_count")).intValue() > 0)
        .count(), resolved.size());
    Map<String, Long> backlog = new LinkedHashMap<>();
    List.of("<1d", "1-3d", "3-7d", ">7d").forEach(bucket -> backlog.put(bucket, 0L));
    for (Map<String, Object> row : open) {
      Duration age = Duration.between(instant(row, "reported_at"), to);
      String bucket = age.toDays() < 1 ? "<1d" : age.toDays() < 3 ? "1-3d" : age.toDays() < 7 ? "3-7d" : ">7d";
      backlog.merge(bucket, 1L, Long::sum);
    }
    Map<String, Long> perService = reported.stream().collect(Collectors.groupingBy(
        row -> row.get("service") == null ? "(none)" : (String) row.get("service"), TreeMap::new,
        Collectors.counting()));
    return new Kpis.Incidents(reported.size(), resolved.size(), mtta, mttr, responseSla, resolutionSla, backlog,
        reopenRate, perService);
  }

  private Kpis.Changes changes(MapSqlParameterSource period, String service) {
    String ofService = service == null ? "" : " and exists (select 1 from change_item i join configuration_item c"
        + " on c.id = i.ci_id where i.change_number = number and c.service = :service)";
    List<String> outcomes = jdbc.queryForList("select outcome from change_request where closed_at >= :from"
        + " and closed_at < :to and outcome in ('SUCCESSFUL', 'FAILED', 'BACKED_OUT')" + ofService, period,
        String.class);
    List<String> classifications = jdbc.queryForList("select classification from change_request"
        + " where created_at >= :from and created_at < :to and classification is not null" + ofService, period,
        String.class);
    return new Kpis.Changes(outcomes.size(), percent(outcomes.stream().filter("SUCCESSFUL"::equals).count(),
        outcomes.size()), classifications.size(), percent(classifications.stream().filter("emergency"::equals).count(),
        classifications.size()));
  }

  private Kpis.Demands demands(MapSqlParameterSource period, String service) {
    List<Map<String, Object>> delivered = jdbc.queryForList("select d.created_at, d.closed_at, d.affected_services,"
        + " v.acceptance_rounds from demand d join demand_delivery v on v.demand_number = d.number"
        + " where d.status = 'DELIVERED' and d.closed_at >= :from and d.closed_at < :to", period).stream()
        .filter(row -> service == null || affects(row.get("affected_services"), service)).toList();
    return new Kpis.Demands(delivered.size(), mean(delivered.stream().map(row -> minutes(row, "created_at",
        "closed_at") / (60 * 24)).toList()), percent(delivered.stream().filter(row ->
        ((Number) row.get("acceptance_rounds")).intValue() == 1).count(), delivered.size()));
  }

  private Kpis.Drills drills(MapSqlParameterSource period) {
    List<String> results = jdbc.queryForList("select result from drill where result is not null"
        + " and coalesce(scheduled_for, created_at) >= :from and coalesce(scheduled_for, created_at) < :to", period,
        String.class);
    return new Kpis.Drills(results.size(), percent(results.stream().filter("PASSED"::equals).count(), results.size()));
  }

  private Kpis.Satisfaction satisfaction(MapSqlParameterSource period, String service) {
    List<Integer> ratings = jdbc.queryForList("select rating from survey where answered_at >= :from"
        + " and answered_at < :to" + (service == null ? "" : " and service = :service"), period, Integer.class);
    return new Kpis.Satisfaction(ratings.size(), mean(ratings.stream().map(Integer::doubleValue).toList()),
        percent(ratings.stream().filter(rating -> rating >= 4).count(), ratings.size()));
  }

  private static boolean affects(Object services, String service) {
    return services != null && List.of(services.toString().split(",\\s*")).contains(service);
  }

  private static Map<String, Double> meanPerPriority(List<Map<String, Object>> rows,
      Function<Map<String, Object>, Double> measure) {
    Map<String, Double> means = new LinkedHashMap<>();
    for (String priority : Kpis.PRIORITIES) {
      means.put(priority, mean(rows.stream().filter(row -> priority.equals(row.get("priority"))).map(measure)
          .toList()));
    }
    return means;
  }

  private static Double mean(List<Double> values) {
    return values.isEmpty() ? null : round(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
  }

  private static Double percent(long part, long whole) {
    return whole == 0 ? null : round(100.0 * part / whole);
  }

  private static double minutes(Map<String, Object> row, String start, String end) {
    return Duration.between(instant(row, start), instant(row, end)).toSeconds() / 60.0;
  }

  private static Instant instant(Map<String, Object> row, String column) {
    // queryForList's rows take column names in any case (H2 answers upper case, PostgreSQL lower case)
    return ((Timestamp) row.get(column)).toInstant();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
