package org.itops.drill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Plans in {@code emergency_plan}, drills in {@code drill}, {@code drill_team_result} and {@code drill_action}.
 *
 * <p>Public for its records only, which {@link DrillService.Report} hands to other features (the audit's evidence);
 * its constructor and queries stay in the package.
 */
@Repository
public class DrillRepository {

  /** A drill of a plan. */
  public record Drill(String number, long planId, String scenario, String participants, Instant scheduledFor,
      String status, String result, String startedBy, Instant createdAt, Instant closedAt) {}

  /** What a team measured, and whether it met the objectives. */
  public record TeamResult(String team, Instant startedAt, Instant endedAt, long recoveryMinutes, int dataLossMinutes,
      String notes, boolean passed, String recordedBy, Instant recordedAt) {}

  /** An improvement action for the plan. */
  public record Action(long id, String description, Instant dueAt, String status, String doneBy, Instant doneAt,
      String notes) {}

  private final NamedParameterJdbcTemplate jdbc;

  DrillRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- plans ------------------------------------------------------------------------------------------

  long insertPlan(PlanRequest plan, String user, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update("insert into emergency_plan (name, scenario, owner_group, participating_teams, rto_minutes,"
        + " rpo_minutes, frequency_days, next_drill_at, created_by, created_at, updated_at) values (:name, :scenario,"
        + " :ownerGroup, :teams, :rto, :rpo, :frequency, :next, :user, :now, :now)", planParameters(plan)
        .addValue("user", user).addValue("now", Timestamp.from(now)), key, new String[] {"id"});
    return key.getKey().longValue();
  }

  boolean updatePlan(long id, PlanRequest plan, Instant now) {
    return jdbc.update("update emergency_plan set name = :name, scenario = :scenario, owner_group = :ownerGroup,"
        + " participating_teams = :teams, rto_minutes = :rto, rpo_minutes = :rpo, frequency_days = :frequency,"
        + " next_drill_at = :next, updated_at = :now where id = :id", planParameters(plan).addValue("id", id)
        .addValue("now", Timestamp.from(now))) == 1;
  }

  void setNextDrill(long planId, Instant next) {
    jdbc.update("update emergency_plan set next_drill_at = :next where id = :id", Map.of("id", planId, "next",
        Timestamp.from(next)));
  }

  boolean planNameTaken(String name, Long exceptId) {
    return jdbc.queryForObject("select count(*) from emergency_plan where lower(name) = lower(:name) and id <> :id",
        new MapSqlParameterSource("name", name.strip()).addValue("id", exceptId == null ? -1 : exceptId),
        Long.class) > 0;
  }

  Optional<EmergencyPlan> plan(long id) {
    return jdbc.query("select * from emergency_plan where id = :id", Map.of("id", id), DrillRepository::plan).stream()
        .findFirst();
  }

  Optional<EmergencyPlan> planNamed(String name) {
    return jdbc.query("select * from emergency_plan where lower(name) = lower(:name)", Map.of("name", name.strip()),
        DrillRepository::plan).stream().findFirst();
  }

  List<EmergencyPlan> plans() {
    return jdbc.query("select * from emergency_plan order by name", DrillRepository::plan);
  }

  /** Plans whose next drill is due by {@code now} and that have no drill running. */
  List<EmergencyPlan> duePlans(Instant now) {
    return jdbc.query("select * from emergency_plan p where next_drill_at <= :now and not exists (select 1 from drill d"
        + " where d.plan_id = p.id and d.status <> 'CLOSED') order by next_drill_at", Map.of("now", Timestamp.from(now)),
        DrillRepository::plan);
  }

  private static MapSqlParameterSource planParameters(PlanRequest plan) {
    return new MapSqlParameterSource().addValue("name", plan.name().strip()).addValue("scenario", plan.scenario().strip())
        .addValue("ownerGroup", plan.ownerGroup()).addValue("teams", String.join(",", plan.participatingTeams()))
        .addValue("rto", plan.rtoMinutes()).addValue("rpo", plan.rpoMinutes()).addValue("frequency", plan.frequencyDays())
        .addValue("next", Timestamp.from(plan.nextDrillAt()));
  }

  private static EmergencyPlan plan(ResultSet rs, int row) throws SQLException {
    return new EmergencyPlan(rs.getLong("id"), rs.getString("name"), rs.getString("scenario"), rs.getString("owner_group"),
        Arrays.asList(rs.getString("participating_teams").split(",")), rs.getInt("rto_minutes"),
        rs.getInt("rpo_minutes"), rs.getInt("frequency_days"), rs.getTimestamp("next_drill_at").toInstant());
  }

  // --- drills -----------------------------------------------------------------------------------------

  void insertDrill(Drill drill) {
    jdbc.update("insert into drill (number, plan_id, scenario, status, started_by, created_at) values (:number, :plan,"
        + " :scenario, :status, :startedBy, :createdAt)", new MapSqlParameterSource("number", drill.number())
        .addValue("plan", drill.planId()).addValue("scenario", drill.scenario()).addValue("status", drill.status())
        .addValue("startedBy", drill.startedBy()).addValue("createdAt", Timestamp.from(drill.createdAt())));
  }

  void prepared(String number, String scenario, String participants, Instant scheduledFor) {
    jdbc.update("update drill set scenario = :scenario, participants = :participants, scheduled_for = :scheduledFor,"
        + " status = 'SCHEDULED' where number = :number", new MapSqlParameterSource("number", number)
        .addValue("scenario", scenario).addValue("participants", participants)
        .addValue("scheduledFor", Timestamp.from(scheduledFor)));
  }

  void setStatus(String number, String status, String result, Instant closedAt) {
    jdbc.update("update drill set status = :status, result = coalesce(:result, result), closed_at = :closedAt"
        + " where number = :number", new MapSqlParameterSource("number", number).addValue("status", status)
        .addValue("result", result).addValue("closedAt", closedAt == null ? null : Timestamp.from(closedAt)));
  }

  Optional<Drill> drill(String number) {
    return jdbc.query("select * from drill where number = :number", Map.of("number", number), DrillRepository::drill)
        .stream().findFirst();
  }

  /** The drills dated in {@code [from, to)}: their drill date, else when they were started (as the KPIs count). */
  List<Drill> drillsBetween(Instant from, Instant to) {
    return jdbc.query("select * from drill where coalesce(scheduled_for, created_at) >= :from"
        + " and coalesce(scheduled_for, created_at) < :to order by coalesce(scheduled_for, created_at), number",
        Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)), DrillRepository::drill);
  }

  private static Drill drill(ResultSet rs, int row) throws SQLException {
    return new Drill(rs.getString("number"), rs.getLong("plan_id"), rs.getString("scenario"),
        rs.getString("participants"), instant(rs, "scheduled_for"), rs.getString("status"), rs.getString("result"),
        rs.getString("started_by"), instant(rs, "created_at"), instant(rs, "closed_at"));
  }

  void insertResult(String number, TeamResult result) {
    jdbc.update("insert into drill_team_result (drill_number, team, started_at, ended_at, data_loss_minutes, notes,"
        + " passed, recorded_by, recorded_at) values (:number, :team, :startedAt, :endedAt, :dataLoss, :notes, :passed,"
        + " :recordedBy, :recordedAt)", new MapSqlParameterSource("number", number).addValue("team", result.team())
        .addValue("startedAt", Timestamp.from(result.startedAt())).addValue("endedAt", Timestamp.from(result.endedAt()))
        .addValue("dataLoss", result.dataLossMinutes()).addValue("notes", result.notes())
        .addValue("passed", result.passed()).addValue("recordedBy", result.recordedBy())
        .addValue("recordedAt", Timestamp.from(result.recordedAt())));
  }

  List<TeamResult> results(String number) {
    return jdbc.query("select * from drill_team_result where drill_number = :number order by team",
        Map.of("number", number), (rs, row) -> {
          Instant start = instant(rs, "started_at");
          Instant end = instant(rs, "ended_at");
          return new TeamResult(rs.getString("team"), start, end, java.time.Duration.between(start, end).toMinutes(),
              rs.getInt("data_loss_minutes"), rs.getString("notes"), rs.getBoolean("passed"),
              rs.getString("recorded_by"), instant(rs, "recorded_at"));
        });
  }

  void insertAction(String number, String description, Instant dueAt) {
    jdbc.update("insert into drill_action (drill_number, description, due_at, status) values (:number, :description,"
        + " :due, 'OPEN')", new MapSqlParameterSource("number", number).addValue("description", description)
        .addValue("due", Timestamp.from(dueAt)));
  }

  boolean actionDone(String number, String description, String user, Instant now, String notes) {
    return jdbc.update("update drill_action set status = 'DONE', done_by = :user, done_at = :now, notes = :notes"
        + " where drill_number = :number and description = :description and status = 'OPEN'",
        new MapSqlParameterSource("number", number).addValue("description", description).addValue("user", user)
        .addValue("now", Timestamp.from(now)).addValue("notes", notes)) == 1;
  }

  List<Action> actions(String number) {
    return jdbc.query("select * from drill_action where drill_number = :number order by id", Map.of("number", number),
        (rs, row) -> new Action(rs.getLong("id"), rs.getString("description"), instant(rs, "due_at"),
            rs.getString("status"), rs.getString("done_by"), instant(rs, "done_at"), rs.getString("notes")));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
