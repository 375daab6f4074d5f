package org.itops.problem;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Page;
import org.itops.problem.Problem.Source;
import org.itops.problem.Problem.Status;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tables {@code problem} and {@code problem_incident}. */
@Repository
class ProblemRepository {

  private final NamedParameterJdbcTemplate jdbc;

  ProblemRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Fails on the unique index when another problem is open for the same key. */
  void insert(Problem problem) {
    jdbc.update("insert into problem (number, title, description, category, configuration_item, service, source,"
        + " status, open_key, root_cause, root_cause_at, raised_by, created_at, updated_at) values (:number, :title,"
        + " :description, :category, :item, :service, :source, :status, :openKey, :rootCause, :rootCauseAt,"
        + " :raisedBy, :createdAt, :createdAt)",
        new MapSqlParameterSource("number", problem.number()).addValue("title", problem.title())
            .addValue("description", problem.description()).addValue("category", problem.category())
            .addValue("item", problem.configurationItem()).addValue("service", problem.service())
            .addValue("source", problem.source().name()).addValue("status", problem.status().name())
            .addValue("openKey", Problem.openKey(problem.configurationItem(), problem.service(), problem.category()))
            .addValue("rootCause", problem.rootCause())
            .addValue("rootCauseAt", timestamp(problem.rootCauseAt())).addValue("raisedBy", problem.raisedBy())
            .addValue("createdAt", timestamp(problem.createdAt())));
  }

  Optional<Problem> find(String number) {
    return jdbc.query("select * from problem where number = :number", Map.of("number", number), this::problem)
        .stream().findFirst();
  }

  /**
   * The incidents of an item (or a service) and category reported since {@code since}, and the open problem of that
   * key if any: one query on the indexes incident_recurrence_item / _service and problem_open_key.
   */
  Recurrence recurrence(String configurationItem, String service, String category, Instant since) {
    String where = configurationItem != null ? "configuration_item = :item" : "service = :service";
    MapSqlParameterSource parameters = new MapSqlParameterSource("item", configurationItem)
        .addValue("service", service).addValue("category", category).addValue("since", Timestamp.from(since))
        .addValue("openKey", Problem.openKey(configurationItem, service, category));
    return jdbc.queryForObject("select count(*), (select number from problem where open_key = :openKey)"
        + " from incident where " + where + " and category = :category and reported_at >= :since", parameters,
        (rs, row) -> new Recurrence(rs.getInt(1), rs.getString(2)));
  }

  record Recurrence(int incidents, String openProblem) {}

  /** The incidents of that key reported since {@code since} (those that made a problem recur). */
  List<String> recurringIncidents(String configurationItem, String service, String category, Instant since) {
    String where = configurationItem != null ? "configuration_item = :item" : "service = :service";
    return jdbc.queryForList("select number from incident where " + where + " and category = :category"
        + " and reported_at >= :since order by number", new MapSqlParameterSource("item", configurationItem)
        .addValue("service", service).addValue("category", category).addValue("since", Timestamp.from(since)),
        String.class);
  }

  Optional<String> openProblem(String key) {
    return jdbc.queryForList("select number from problem where open_key = :key", Map.of("key", key), String.class)
        .stream().findFirst();
  }

  /** Links the incident; answers false when it was linked already (a retried link links once). */
  boolean link(String problem, String incident, String by, Instant at) {
    return jdbc.update("insert into problem_incident (problem_number, incident_number, linked_by, linked_at)"
        + " select :problem, :incident, :by, :at where not exists (select 1 from"
        + " problem_incident where problem_number = :problem and incident_number = :incident)",
        new MapSqlParameterSource("problem", problem).addValue("incident", incident).addValue("by", by)
            .addValue("at", Timestamp.from(at))) > 0;
  }

  boolean unlink(String problem, String incident) {
    return jdbc.update("delete from problem_incident where problem_number = :problem and incident_number = :incident",
        Map.of("problem", problem, "incident", incident)) > 0;
  }

  boolean incidentExists(String incident) {
    return !jdbc.queryForList("select number from incident where number = :number", Map.of("number", incident),
        String.class).isEmpty();
  }

  void update(Problem problem, boolean open) {
    MapSqlParameterSource parameters = new MapSqlParameterSource("number", problem.number())
        .addValue("status", problem.status().name())
        .addValue("openKey", open ? Problem.openKey(problem.configurationItem(), problem.service(), problem.category())
            : null)
        .addValue("rootCause", problem.rootCause()).addValue("factors", problem.contributingFactors())
        .addValue("workaround", problem.workaround()).addValue("article", problem.knownErrorArticle())
        .addValue("change", problem.fixChange()).addValue("rootCauseAt", timestamp(problem.rootCauseAt()))
        .addValue("fixedAt", timestamp(problem.fixedAt())).addValue("recurred", problem.recurredAfterFix())
        .addValue("updatedAt", timestamp(problem.updatedAt())).addValue("closedAt", timestamp(problem.closedAt()));
    jdbc.update("update problem set status = :status, open_key = :openKey, root_cause = :rootCause,"
        + " contributing_factors = :factors, workaround = :workaround, known_error_article = :article,"
        + " fix_change = :change, root_cause_at = :rootCauseAt, fixed_at = :fixedAt, recurred_after_fix = :recurred,"
        + " updated_at = :updatedAt, closed_at = :closedAt where number = :number", parameters);
  }

  /** The problems, newest first; of a status, or all. */
  Page<Problem> list(String status, int page, int size) {
    String where = status == null ? "" : " where status = :status";
    MapSqlParameterSource parameters = new MapSqlParameterSource("status", status).addValue("limit", size)
        .addValue("offset", (long) page * size);
    List<Problem> items = jdbc.query("select * from problem" + where + " order by created_at desc, number desc"
        + " limit :limit offset :offset", parameters, this::problem);
    Long total = jdbc.queryForObject("select count(*) from problem" + where, parameters, Long.class);
    return new Page<>(items, total == null ? 0 : total);
  }

  /** The problems an incident is linked to. */
  List<String> problemsOf(String incident) {
    return jdbc.queryForList("select problem_number from problem_incident where incident_number = :incident"
        + " order by problem_number", Map.of("incident", incident), String.class);
  }

  private Problem problem(ResultSet rs, int row) throws SQLException {
    String number = rs.getString("number");
    return new Problem(number, rs.getString("title"), rs.getString("description"), rs.getString("category"),
        rs.getString("configuration_item"), rs.getString("service"), Source.valueOf(rs.getString("source")),
        Status.valueOf(rs.getString("status")), rs.getString("root_cause"), rs.getString("contributing_factors"),
        rs.getString("workaround"), rs.getString("known_error_article"), rs.getString("fix_change"),
        rs.getString("raised_by"), instant(rs, "created_at"), instant(rs, "root_cause_at"), instant(rs, "fixed_at"),
        rs.getBoolean("recurred_after_fix"), instant(rs, "updated_at"), instant(rs, "closed_at"),
        jdbc.queryForList("select incident_number from problem_incident where problem_number = :number order by"
            + " incident_number", Map.of("number", number), String.class));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Timestamp timestamp(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}
