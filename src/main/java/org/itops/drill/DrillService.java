package org.itops.drill;

import static org.itops.drill.DrillProcess.Var;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.drill.DrillRepository.Action;
import org.itops.drill.DrillRepository.Drill;
import org.itops.drill.DrillRepository.TeamResult;
import org.itops.platform.NotAllowedException;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.NotFoundException;
import org.itops.platform.RecordNumbers;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency plans and their drills. The {@code emergency-drill} process calls it through thin delegates and its task
 * listener; the API calls it for plans, drills on demand and reports.
 *
 * <p>One class of about 300 lines: plans and drills are kept by the same people under one rule (who may start drills
 * keeps the plans), and a drill is measured against its plan's objectives (RTO, RPO) when it is evaluated.
 */
@Service
public class DrillService {

  /** A drill report: the plan's objectives, what each team measured against them, the actions, the timeline. */
  public record Report(Drill drill, EmergencyPlan plan, List<TeamResult> teams, List<Action> actions,
      List<Timeline.Entry> timeline) {}

  private final DrillRepository drills;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;
  private final Set<String> groups;
  private final List<String> planKeepers;
  private final DrillReadRule readRule;

  DrillService(DrillRepository drills, RecordNumbers recordNumbers, Timeline timeline, Clock clock,
      RuntimeService runtimeService, CurrentUser currentUser, AccessProperties access, DrillReadRule readRule) {
    this.drills = drills;
    this.recordNumbers = recordNumbers;
    this.timeline = timeline;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.groups = access.staffGroups();
    this.readRule = readRule;
    // who starts drills keeps the plans
    AccessProperties.ProcessAccess drillAccess = access.processes().get(DrillProcess.KEY);
    this.planKeepers = drillAccess == null ? List.of() : drillAccess.start();
  }

  // --- plans ------------------------------------------------------------------------------------------

  @Transactional
  public EmergencyPlan createPlan(PlanRequest plan) {
    requirePlanKeeper();
    validate(plan, null);
    Instant now = clock.instant();
    return drills.plan(drills.insert(plan.toPlan(null, currentUser.id(), now, now))).orElseThrow();
  }

  @Transactional
  public EmergencyPlan updatePlan(long id, PlanRequest plan) {
    requirePlanKeeper();
    EmergencyPlan existing = plan(id);
    validate(plan, id);
    drills.update(plan.toPlan(id, existing.createdBy(), existing.createdAt(), clock.instant()));
    return plan(id);
  }

  /** The plan of that name changed, or a new plan (the Tasklist form "Emergency plan"). */
  @Transactional
  public EmergencyPlan savePlan(PlanRequest plan) {
    EmergencyPlan existing = plan.name() == null || plan.name().isBlank() ? null
        : drills.planNamed(plan.name()).orElse(null);
    return existing == null ? createPlan(plan) : updatePlan(existing.id(), plan);
  }

  private void validate(PlanRequest plan, Long id) {
    List<FieldError> errors = new ArrayList<>(plan.fieldErrors(groups, clock.instant()));
    if (plan.name() != null && !plan.name().isBlank() && drills.planNameTaken(plan.name(), id)) {
      errors.add(new FieldError("name", "reason.plan.nameTaken"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** The plan, for those who read drills and plans ({@link DrillReadRule}); "not found" for everybody else. */
  @Transactional(readOnly = true)
  public EmergencyPlan plan(long id) {
    return drills.plan(id).filter(plan -> readRule.readsAll())
        .orElseThrow(() -> new NotFoundException("detail.notFound.plan", id));
  }

  /** The plans, for those who read drills and plans ({@link DrillReadRule}). */
  @Transactional(readOnly = true)
  public List<EmergencyPlan> plans() {
    if (!readRule.readsAll()) {
      throw new NotAllowedException("detail.forbidden.drills");
    }
    return drills.plans();
  }

  // --- drills -----------------------------------------------------------------------------------------

  /** Starts {@code emergency-drill} for the plan of that name as the current user (the engine checks who may). */
  @Transactional
  public String drillOnDemand(String planName) {
    return runtimeService.startProcessInstanceByKey(DrillProcess.KEY, Map.of(Var.PLAN_NAME,
        planName == null ? "" : planName)).getBusinessKey();
  }

  /** The plans whose drill is due and that have none running: one drill each (the schedule, as the system). */
  @Transactional
  public List<String> startDueDrills() {
    List<String> started = new ArrayList<>();
    for (EmergencyPlan plan : drills.duePlans(clock.instant())) {
      started.add(runtimeService.startProcessInstanceByKey(DrillProcess.KEY, Map.of(Var.PLAN_NAME, plan.name(),
          Var.STARTED_BY, "schedule")).getBusinessKey());
    }
    return started;
  }

  /** Creates the drill's record for the plan of that name; the process's first step. */
  @Transactional
  public Drill register(String planName, String startedBy) {
    EmergencyPlan plan = planName == null || planName.isBlank() ? null : drills.planNamed(planName).orElse(null);
    if (plan == null) {
      throw new InvalidRequestException(Var.PLAN_NAME, "reason.drill.notAPlan", planName);
    }
    Drill drill = new Drill(recordNumbers.next(DrillProcess.RECORD_PREFIX), plan.id(), plan.scenario(), null, null,
        "PREPARING", null, startedBy, clock.instant(), null);
    drills.insertDrill(drill);
    timeline.record(drill.number(), "STARTED", "timeline.drill.started", plan.name(), startedBy);
    return drill;
  }

  public EmergencyPlan planOf(String number) {
    return drills.plan(load(number).planId()).orElseThrow();
  }

  /** The drill's date must lie ahead; what the owner wrote goes on the record. */
  List<FieldError> preparationErrors(String scenario, String participants, Instant drillDate) {
    List<FieldError> errors = new ArrayList<>();
    if (scenario == null || scenario.isBlank() || scenario.length() > 4000) {
      errors.add(new FieldError(Var.SCENARIO, "reason.requiredMaxLength", 4000));
    }
    if (participants == null || participants.isBlank() || participants.length() > 4000) {
      errors.add(new FieldError(Var.PARTICIPANTS, "reason.drill.participants"));
    }
    if (drillDate == null || !drillDate.isAfter(clock.instant())) {
      errors.add(new FieldError(Var.DRILL_DATE, "reason.requiredFuture"));
    }
    return errors;
  }

  @Transactional
  public void prepared(String number, String scenario, String participants, Instant drillDate) {
    drills.update(load(number).prepared(scenario.strip(), participants.strip(), drillDate));
    timeline.record(number, "PREPARED", "timeline.drill.prepared", drillDate, participants.strip());
  }

  @Transactional
  public void running(String number) {
    drills.update(load(number).with("RUNNING"));
    timeline.record(number, "RUNNING", "timeline.drill.running");
  }

  /** A team's part: ended after it started, not in the future; passes when it met both objectives. */
  @Transactional
  public TeamResult recordTeamResult(String number, String team, Instant startedAt, Instant endedAt, Number dataLoss,
      String notes) {
    List<FieldError> errors = new ArrayList<>();
    if (startedAt == null || endedAt == null || !endedAt.isAfter(startedAt)) {
      errors.add(new FieldError(Var.ENDED_AT, "reason.drill.period"));
    } else if (endedAt.isAfter(clock.instant())) {
      errors.add(new FieldError(Var.ENDED_AT, "reason.inTheFuture"));
    }
    if (dataLoss == null || dataLoss.doubleValue() < 0 || dataLoss.doubleValue() != Math.floor(dataLoss.doubleValue())) {
      errors.add(new FieldError(Var.DATA_LOSS_MINUTES, "reason.drill.dataLoss"));
    }
    if (notes == null || notes.isBlank() || notes.length() > 4000) {
      errors.add(new FieldError(Var.WHAT_HAPPENED, "reason.requiredMaxLength", 4000));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    EmergencyPlan plan = planOf(number);
    long minutes = Duration.between(startedAt, endedAt).toMinutes();
    boolean passed = minutes <= plan.rtoMinutes() && dataLoss.intValue() <= plan.rpoMinutes();
    TeamResult result = new TeamResult(number, team, startedAt, endedAt, minutes, dataLoss.intValue(), notes.strip(),
        passed, currentUser.id() == null ? "system" : currentUser.id(), clock.instant());
    drills.insertResult(result);
    timeline.record(number, "TEAM_RESULT", "timeline.drill.teamResult", Timeline.code("participatingTeams", team),
        minutes, plan.rtoMinutes(), dataLoss.intValue(), plan.rpoMinutes(),
        Timeline.text(passed ? "timeline.drill.passed" : "timeline.drill.failed"));
    return result;
  }

  /** PASSED when every team met the objectives; a text of the comparison for the owner's review. */
  @Transactional
  public Map<String, String> evaluate(String number) {
    EmergencyPlan plan = planOf(number);
    List<TeamResult> results = drills.results(number);
    boolean passed = !results.isEmpty() && results.stream().allMatch(TeamResult::passed);
    StringBuilder text = new StringBuilder();
    results.forEach(r -> text.append(r.team()).append(": ").append(r.recoveryMinutes()).append(" of ")
        .append(plan.rtoMinutes()).append(" min to recover, ").append(r.dataLossMinutes()).append(" of ")
        .append(plan.rpoMinutes()).append(" min of data lost: ").append(r.passed() ? "passed" : "FAILED").append('\n'));
    String result = passed ? "PASSED" : "FAILED";
    drills.update(load(number).evaluated(result));
    timeline.record(number, "EVALUATED", "timeline.drill.evaluated",
        Timeline.text(passed ? "timeline.drill.passed" : "timeline.drill.failed"), text.toString().strip());
    return Map.of(Var.DRILL_RESULT, result, Var.EVALUATION, text.toString().strip());
  }

  /** Improvement actions, one a line, distinct; a due date in the future when there are any. */
  static List<String> actionLines(String text) {
    if (text == null) {
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()));
  }

  List<FieldError> actionErrors(List<String> actions, Instant due) {
    List<FieldError> errors = new ArrayList<>();
    actions.stream().filter(a -> a.length() > 1000).findFirst().ifPresent(a ->
        errors.add(new FieldError(Var.IMPROVEMENT_ACTIONS, "reason.drill.actionTooLong")));
    if (!actions.isEmpty() && (due == null || !due.isAfter(clock.instant()))) {
      errors.add(new FieldError(Var.ACTIONS_DUE, "reason.drill.actionsDue"));
    }
    return errors;
  }

  @Transactional
  public void addActions(String number, List<String> actions, Instant due) {
    load(number);
    actions.forEach(action -> drills.insert(DrillRepository.Action.open(number, action, due)));
    timeline.record(number, "REVIEWED", actions.isEmpty() ? "timeline.drill.noActions" : "timeline.drill.actions",
        actions.size(), due, String.join("; ", actions));
  }

  @Transactional
  public void actionDone(String number, String action, String notes) {
    if (!drills.actionDone(number, action, currentUser.id() == null ? "system" : currentUser.id(), clock.instant(),
        notes)) {
      throw new IllegalStateException("No open improvement action '" + action + "' of " + number);
    }
    timeline.record(number, "ACTION_DONE", "timeline.labelled", action, notes);
  }

  @Transactional
  public void actionsOverdue(String number) {
    List<String> open = drills.actions(number).stream().filter(a -> a.status().equals("OPEN"))
        .map(Action::description).toList();
    timeline.record(number, "ACTIONS_OVERDUE", "timeline.overdue", String.join("; ", open));
  }

  /** Closes the drill and sets the plan's next drill: its frequency after the drill's date. */
  @Transactional
  public Instant close(String number) {
    Drill drill = load(number);
    EmergencyPlan plan = planOf(number);
    Instant from = drill.scheduledFor() == null ? clock.instant() : drill.scheduledFor();
    Instant next = from.plus(Duration.ofDays(plan.frequencyDays()));
    drills.setNextDrill(plan.id(), next);
    drills.update(drill.closed(clock.instant()));
    timeline.record(number, "CLOSED", "timeline.drill.closed", drill.result(), plan.name(), next);
    return next;
  }

  // --- reading ----------------------------------------------------------------------------------------

  /** The drill's report, if the current user reads drills ({@link DrillReadRule}). */
  @Transactional(readOnly = true)
  public Report report(String number) {
    readRule.requireReads(number);
    return reportOf(load(number));
  }

  /**
   * The reports of the drills dated in {@code [from, to)}, by date: the drill date, or when the drill was started if it
   * was never prepared, as the KPIs count drills. For the audit's evidence, which the audit's readers see.
   */
  @Transactional(readOnly = true)
  public List<Report> drillsBetween(Instant from, Instant to) {
    return drills.drillsBetween(from, to).stream().map(this::reportOf).toList();
  }

  private Report reportOf(Drill drill) {
    return new Report(drill, drills.plan(drill.planId()).orElseThrow(), drills.results(drill.number()),
        drills.actions(drill.number()), timeline.of(drill.number()));
  }

  Drill load(String number) {
    return drills.drill(number).orElseThrow(() -> new NotFoundException("detail.notFound.drill", number));
  }

  private void requirePlanKeeper() {
    if (currentUser.groups().stream().noneMatch(planKeepers::contains) && !currentUser.isAdministrator()) {
      throw new NotAllowedException("detail.forbidden.plans", planKeepers);
    }
  }
}
