package org.itops.drill;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Table;
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
      String status, String result, String startedBy, Instant createdAt, Instant closedAt) {

    Drill prepared(String newScenario, String newParticipants, Instant drillDate) {
      return new Drill(number, planId, newScenario, newParticipants, drillDate, "SCHEDULED", result, startedBy,
          createdAt, closedAt);
    }

    Drill with(String newStatus) {
      return new Drill(number, planId, scenario, participants, scheduledFor, newStatus, result, startedBy, createdAt,
          closedAt);
    }

    Drill evaluated(String newResult) {
      return new Drill(number, planId, scenario, participants, scheduledFor, "EVALUATING", newResult, startedBy,
          createdAt, closedAt);
    }

    Drill closed(Instant now) {
      return new Drill(number, planId, scenario, participants, scheduledFor, "CLOSED", result, startedBy, createdAt,
          now);
    }
  }

  /**
   * What a team measured, and whether it met the objectives; the recovery time, from start to end, is kept by no
   * column (the API shows the result without its drill's number).
   */
  public record TeamResult(@JsonIgnore String drillNumber, String team, Instant startedAt, Instant endedAt,
      long recoveryMinutes, int dataLossMinutes, String notes, boolean passed, String recordedBy, Instant recordedAt) {

    private TeamResult timed() {
      return new TeamResult(drillNumber, team, startedAt, endedAt, Duration.between(startedAt, endedAt).toMinutes(),
          dataLossMinutes, notes, passed, recordedBy, recordedAt);
    }
  }

  /** An improvement action for the plan. */
  public record Action(Long id, @JsonIgnore String drillNumber, String description, Instant dueAt, String status,
      String doneBy, Instant doneAt, String notes) {

    /** A new action of the drill, open until done. */
    static Action open(String drillNumber, String description, Instant dueAt) {
      return new Action(null, drillNumber, description, dueAt, "OPEN", null, null, null);
    }
  }

  /** Its id generated, its teams one text. */
  private static final Table<EmergencyPlan> PLANS = Table.of("emergency_plan", EmergencyPlan.class, "id");
  private static final Table<Drill> DRILLS = Table.of("drill", Drill.class, "number");
  /** Keyed by drill and team; a result is never updated. */
  private static final Table<TeamResult> RESULTS = Table.of("drill_team_result", TeamResult.class, "drillNumber",
      "recoveryMinutes");
  /** Inserted with a generated id; read through the table. */
  private static final Table<Action> ACTIONS = Table.of("drill_action", Action.class, "id");

  private final NamedParameterJdbcTemplate jdbc;

  DrillRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- plans ------------------------------------------------------------------------------------------

  /** Answers the plan's generated id. */
  long insert(EmergencyPlan plan) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(PLANS.insertGeneratingKey(), PLANS.parameters(plan), key, new String[] {PLANS.keyColumn()});
    return key.getKey().longValue();
  }

  void update(EmergencyPlan plan) {
    jdbc.update(PLANS.update(), PLANS.parameters(plan));
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
    return jdbc.query(PLANS.select() + " where id = :id", Map.of("id", id), PLANS.rows()).stream().findFirst();
  }

  Optional<EmergencyPlan> planNamed(String name) {
    return jdbc.query(PLANS.select() + " where lower(name) = lower(:name)", Map.of("name", name.strip()),
        PLANS.rows()).stream().findFirst();
  }

  List<EmergencyPlan> plans() {
    return jdbc.query(PLANS.select() + " order by name", PLANS.rows());
  }

  /** Plans whose next drill is due by {@code now} and that have no drill running. */
  List<EmergencyPlan> duePlans(Instant now) {
    return jdbc.query(PLANS.select() + " p where next_drill_at <= :now and not exists (select 1 from drill d"
        + " where d.plan_id = p.id and d.status <> 'CLOSED') order by next_drill_at",
        Map.of("now", Timestamp.from(now)), PLANS.rows());
  }

  // --- drills -----------------------------------------------------------------------------------------

  void insertDrill(Drill drill) {
    jdbc.update(DRILLS.insert(), DRILLS.parameters(drill));
  }

  void update(Drill drill) {
    jdbc.update(DRILLS.update(), DRILLS.parameters(drill));
  }

  Optional<Drill> drill(String number) {
    return jdbc.query(DRILLS.select() + " where number = :number", Map.of("number", number), DRILLS.rows())
        .stream().findFirst();
  }

  /** The drills dated in {@code [from, to)}: their drill date, else when they were started (as the KPIs count). */
  List<Drill> drillsBetween(Instant from, Instant to) {
    return jdbc.query(DRILLS.select() + " where coalesce(scheduled_for, created_at) >= :from"
        + " and coalesce(scheduled_for, created_at) < :to order by coalesce(scheduled_for, created_at), number",
        Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)), DRILLS.rows());
  }

  void insertResult(TeamResult result) {
    jdbc.update(RESULTS.insert(), RESULTS.parameters(result));
  }

  List<TeamResult> results(String number) {
    return jdbc.query(RESULTS.select() + " where drill_number = :number order by team", Map.of("number", number),
        RESULTS.rows()).stream().map(TeamResult::timed).toList();
  }

  void insert(Action action) {
    jdbc.update(ACTIONS.insertGeneratingKey(), ACTIONS.parameters(action));
  }

  boolean actionDone(String number, String description, String user, Instant now, String notes) {
    return jdbc.update("update drill_action set status = 'DONE', done_by = :user, done_at = :now, notes = :notes"
        + " where drill_number = :number and description = :description and status = 'OPEN'",
        new MapSqlParameterSource("number", number).addValue("description", description).addValue("user", user)
        .addValue("now", Timestamp.from(now)).addValue("notes", notes)) == 1;
  }

  List<Action> actions(String number) {
    return jdbc.query(ACTIONS.select() + " where drill_number = :number order by id", Map.of("number", number),
        ACTIONS.rows());
  }
}
