package org.itops.problem;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Page;
import org.itops.platform.Table;
import org.itops.problem.Problem.Status;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tables {@code problem} and {@code problem_incident}. */
@Repository
class ProblemRepository {

  /** The problem's incidents are rows of {@code problem_incident}. */
  private static final Table<Problem> PROBLEMS = Table.of("problem", Problem.class, "number", "incidents");

  private final NamedParameterJdbcTemplate jdbc;

  ProblemRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Fails on the unique index when another problem is open for the same key. */
  void insert(Problem problem) {
    jdbc.update(PROBLEMS.insert(), PROBLEMS.parameters(problem));
    holdOpenKey(problem);
  }

  void update(Problem problem) {
    jdbc.update(PROBLEMS.update(), PROBLEMS.parameters(problem));
    holdOpenKey(problem);
  }

  /**
   * Column {@code open_key}, which a problem derives from its item (or service) and category while it is open and
   * which is gone once it is closed: the unique index on it fails the second of two problems opened for one key at
   * the same moment, in the transaction that writes the problem.
   */
  private void holdOpenKey(Problem problem) {
    String key = problem.status() == Status.CLOSED ? null
        : Problem.openKey(problem.configurationItem(), problem.service(), problem.category());
    jdbc.update("update problem set open_key = :key where number = :number",
        new MapSqlParameterSource("number", problem.number()).addValue("key", key));
  }

  Optional<Problem> find(String number) {
    return withIncidents(jdbc.query(PROBLEMS.select() + " where number = :number", Map.of("number", number),
        PROBLEMS.rows())).stream().findFirst();
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

  /** The problems, newest first; of a status, or all. */
  Page<Problem> list(String status, int page, int size) {
    String where = status == null ? "" : " where status = :status";
    MapSqlParameterSource parameters = new MapSqlParameterSource("status", status).addValue("limit", size)
        .addValue("offset", (long) page * size);
    List<Problem> items = withIncidents(jdbc.query(PROBLEMS.select() + where
        + " order by created_at desc, number desc limit :limit offset :offset", parameters, PROBLEMS.rows()));
    Long total = jdbc.queryForObject("select count(*) from problem" + where, parameters, Long.class);
    return new Page<>(items, total == null ? 0 : total);
  }

  /** The problems an incident is linked to. */
  List<String> problemsOf(String incident) {
    return jdbc.queryForList("select problem_number from problem_incident where incident_number = :incident"
        + " order by problem_number", Map.of("incident", incident), String.class);
  }

  private List<Problem> withIncidents(List<Problem> problems) {
    return problems.stream().map(problem -> problem.withIncidents(jdbc.queryForList("select incident_number from"
        + " problem_incident where problem_number = :number order by incident_number",
        Map.of("number", problem.number()), String.class))).toList();
  }
}
