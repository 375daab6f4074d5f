package org.itops.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Filters;
import org.itops.platform.Page;
import org.itops.platform.RecordParameters;
import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** Incident records in table {@code incident}. */
@Repository
class IncidentRepository {

  private static final String COLUMNS = "number, title, description, impact, urgency, category, configuration_item, service,"
      + " reporter, source, status, priority, computed_priority, priority_reason, major, assigned_group, engineer,"
      + " response_target, resolution_target, response_due, warning_due, resolution_due, responded_at,"
      + " response_breached, resolution_warned, resolution_breached, paused_since, paused_seconds, sla_shift_seconds,"
      + " reported_at, resolved_at, closed_at, resolution_code, resolution_notes, closure_code, reopen_count,"
      + " knowledge_proposed, alert_resolved_at, caused_by_change, outage, outage_start, updated_at";
  private static final String PARAMETERS = ":number, :title, :description, :impact, :urgency, :category,"
      + " :configurationItem, :service, :reporter, :source, :status, :priority, :computedPriority, :priorityReason, :major,"
      + " :assignedGroup, :engineer, :responseTarget, :resolutionTarget, :responseDue, :warningDue, :resolutionDue,"
      + " :respondedAt, :responseBreached, :resolutionWarned, :resolutionBreached, :pausedSince, :pausedSeconds,"
      + " :slaShiftSeconds, :reportedAt, :resolvedAt, :closedAt, :resolutionCode, :resolutionNotes, :closureCode,"
      + " :reopenCount, :knowledgeProposed, :alertResolvedAt, :causedByChange, :outage, :outageStart, :updatedAt";
  private static final String UPDATE =
      "update incident set " + RecordParameters.updateSet(COLUMNS, PARAMETERS) + " where number = :number";
  private static final RowMapper<Incident> ROWS = BeanPropertyRowMapper.newInstance(Incident.class);

  /** A list limited to the incidents a user reported and those assigned to one of the user's groups. */
  record Readers(String user, List<String> groups) {}

  private final NamedParameterJdbcTemplate jdbc;

  IncidentRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Incident incident) {
    jdbc.update("insert into incident (" + COLUMNS + ") values (" + PARAMETERS + ")", parameters(incident));
  }

  void update(Incident incident) {
    jdbc.update(UPDATE, parameters(incident));
  }

  /** The incidents reported in {@code [from, to)}, by priority and then number. */
  List<Incident> reportedBetween(Instant from, Instant to) {
    return jdbc.query("select * from incident where reported_at >= :from and reported_at < :to"
        + " order by priority, number", Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)), ROWS);
  }

  /** The incidents of the services that are not resolved or closed (their SLA clocks run or wait). */
  List<Incident> openOfServices(List<String> services) {
    return services.isEmpty() ? List.of() : jdbc.query("select * from incident where service in (:services)"
        + " and status not in ('RESOLVED', 'CLOSED') order by number", Map.of("services", services), ROWS);
  }

  /** The root-cause reviews of the incidents, by incident number. */
  Map<String, IncidentReviews.RootCauseReview> rootCauseReviews(List<String> numbers) {
    Map<String, IncidentReviews.RootCauseReview> reviews = new HashMap<>();
    if (numbers.isEmpty()) {
      return reviews;
    }
    jdbc.query("select incident_number, root_cause, preventive_actions, recorded_by, recorded_at from problem_record"
        + " where incident_number in (:numbers) order by id", Map.of("numbers", numbers), rs -> {
          reviews.put(rs.getString(1), new IncidentReviews.RootCauseReview(rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getTimestamp(5).toInstant()));
        });
    return reviews;
  }

  Optional<Incident> find(String number) {
    return jdbc.query("select * from incident where number = :number", new MapSqlParameterSource("number", number),
        ROWS).stream().findFirst();
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
    List<Incident> items = jdbc.query("select * from incident" + where
        + " order by reported_at desc, number desc limit :limit offset :offset", parameters, ROWS);
    return new Page<>(items, total);
  }


  private static SqlParameterSource parameters(Incident incident) {
    return RecordParameters.of(incident);
  }
}
