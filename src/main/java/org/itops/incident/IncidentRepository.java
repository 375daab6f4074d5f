package org.itops.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Filters;
import org.itops.platform.Page;
import org.itops.incident.IncidentQueries.Facts;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Incident records in table {@code incident}. */
@Repository
class IncidentRepository {

  private static final Table<Incident> INCIDENTS = Table.of("incident", Incident.class, "number");
  private static final Table<SlaFigures> SLA_FIGURES = Table.of("incident", SlaFigures.class, "number");
  private static final Table<Facts> FACTS = Table.of("incident", Facts.class, "number");
  /** The database numbers a review's row; written once, never updated. */
  private static final Table<ProblemRecord> PROBLEM_RECORDS = Table.of("problem_record", ProblemRecord.class,
      "incidentNumber");

  /** A major incident's root-cause review, as table {@code problem_record} keeps it. */
  record ProblemRecord(String incidentNumber, String rootCause, String preventiveActions, String recordedBy,
      Instant recordedAt) {}

  /** What an incident's SLA times are computed from ({@link SlaElapsed}). */
  record SlaFigures(String number, String service, Instant reportedAt, Instant respondedAt, Instant resolvedAt,
      Instant pausedSince, long pausedSeconds) {}

  /** A list limited to the incidents a user reported and those assigned to one of the user's groups. */
  record Readers(String user, List<String> groups) {}

  private final NamedParameterJdbcTemplate jdbc;

  IncidentRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Incident incident) {
    jdbc.update(INCIDENTS.insert(), INCIDENTS.parameters(incident));
  }

  void update(Incident incident) {
    jdbc.update(INCIDENTS.update(), INCIDENTS.parameters(incident));
  }

  /** The incidents reported in {@code [from, to)}, by priority and then number. */
  List<Incident> reportedBetween(Instant from, Instant to) {
    return jdbc.query(INCIDENTS.select() + " where reported_at >= :from and reported_at < :to"
        + " order by priority, number", Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)), INCIDENTS.rows());
  }

  /** The incidents of the services that are not resolved or closed (their SLA clocks run or wait). */
  List<Incident> openOfServices(List<String> services) {
    return services.isEmpty() ? List.of() : jdbc.query(INCIDENTS.select() + " where service in (:services)"
        + " and status not in ('RESOLVED', 'CLOSED') order by number", Map.of("services", services), INCIDENTS.rows());
  }

  /** The root-cause reviews of the incidents, by incident number. */
  Map<String, IncidentReviews.RootCauseReview> rootCauseReviews(List<String> numbers) {
    Map<String, IncidentReviews.RootCauseReview> reviews = new HashMap<>();
    if (numbers.isEmpty()) {
      return reviews;
    }
    for (ProblemRecord row : jdbc.query(PROBLEM_RECORDS.select() + " where incident_number in (:numbers) order by id",
        Map.of("numbers", numbers), PROBLEM_RECORDS.rows())) {
      reviews.put(row.incidentNumber(), new IncidentReviews.RootCauseReview(row.rootCause(), row.preventiveActions(),
          row.recordedBy(), row.recordedAt()));
    }
    return reviews;
  }

  Optional<Incident> find(String number) {
    return jdbc.query(INCIDENTS.select() + " where number = :number", new MapSqlParameterSource("number", number),
        INCIDENTS.rows()).stream().findFirst();
  }

  /** Incidents matching the filters (null = any), newest first; {@code readers} (null = all) limits to theirs. */
  Page<Incident> list(String status, String priority, String group, Readers readers, int page, int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource()
        .addValue("limit", size).addValue("offset", (long) page * size);
    Filters filters = new Filters(parameters).equal("status", status).equal("priority", priority)
        .equal("assigned_group", group);
    if (readers != null) {
      filters.and("(reporter = :reader"
          + (readers.groups().isEmpty() ? ")" : " or assigned_group in (:readerGroups))"));
      parameters.addValue("reader", readers.user()).addValue("readerGroups", readers.groups());
    }
    String where = filters.where();
    long total = jdbc.queryForObject("select count(*) from incident" + where, parameters, Long.class);
    List<Incident> items = jdbc.query(INCIDENTS.select() + "" + where
        + " order by reported_at desc, number desc limit :limit offset :offset", parameters, INCIDENTS.rows());
    return new Page<>(items, total);
  }

  void insert(ProblemRecord review) {
    jdbc.update(PROBLEM_RECORDS.insert(), PROBLEM_RECORDS.parameters(review));
  }

  List<SlaFigures> slaFigures(List<String> numbers) {
    return jdbc.query(SLA_FIGURES.select() + " where number in (:numbers)", Map.of("numbers", numbers),
        SLA_FIGURES.rows());
  }

  // --- what other features read of incidents (IncidentQueries) ---------------------------------------

  Optional<Facts> facts(String number) {
    return jdbc.query(FACTS.select() + " where number = :number", Map.of("number", number), FACTS.rows()).stream()
        .findFirst();
  }

  boolean exists(String number) {
    return !jdbc.queryForList("select number from incident where number = :number", Map.of("number", number),
        String.class).isEmpty();
  }

  List<String> causedBy(String change) {
    return jdbc.queryForList("select number from incident where caused_by_change = :change order by number",
        Map.of("change", change), String.class);
  }

  List<String> reportedOn(List<String> services, Instant from, Instant to) {
    if (services.isEmpty()) {
      return List.of();
    }
    return jdbc.queryForList("select number from incident where service in (:services) and reported_at >= :from"
        + " and reported_at < :to order by number", new MapSqlParameterSource("services", services)
        .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)), String.class);
  }

  List<String> recurrences(String configurationItem, String service, String category, Instant since) {
    String where = configurationItem != null ? "configuration_item = :item" : "service = :service";
    return jdbc.queryForList("select number from incident where " + where + " and category = :category"
        + " and reported_at >= :since order by number", new MapSqlParameterSource("item", configurationItem)
        .addValue("service", service).addValue("category", category).addValue("since", Timestamp.from(since)),
        String.class);
  }
}
