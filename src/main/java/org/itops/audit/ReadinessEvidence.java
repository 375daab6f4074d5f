package org.itops.audit;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.itops.drill.DrillRepository.Action;
import org.itops.drill.DrillRepository.Drill;
import org.itops.drill.DrillRepository.TeamResult;
import org.itops.drill.DrillService;
import org.itops.drill.EmergencyPlan;
import org.itops.platform.SuiteTime;
import org.springframework.stereotype.Component;

/**
 * A.5.30 ICT readiness: every drill dated in the period (its drill date, else when it was started, as the KPIs count
 * drills), with its plan's RTO and RPO, what each team measured against them, the drill's result, and its improvement
 * actions with their closure (the drill feature's {@link DrillService#drillsBetween}).
 */
@Component
class ReadinessEvidence implements ControlEvidence {

  private final DrillService drills;
  private final EvidenceTexts texts;
  private final SuiteTime time;

  ReadinessEvidence(DrillService drills, EvidenceTexts texts, SuiteTime time) {
    this.drills = drills;
    this.texts = texts;
    this.time = time;
  }

  @Override
  public String control() {
    return "A.5.30";
  }

  @Override
  public List<String> columns() {
    return List.of("evidence.readiness.plan", "evidence.readiness.drillDate", "evidence.readiness.rto",
        "evidence.readiness.rpo", "evidence.readiness.teams", "evidence.readiness.result",
        "evidence.readiness.actions");
  }

  @Override
  public List<Row> rows(Instant from, Instant to) {
    return drills.drillsBetween(from, to).stream().map(this::row).toList();
  }

  @Override
  public String note() {
    return texts.text("evidence.readiness.note");
  }

  private Row row(DrillService.Report report) {
    Drill drill = report.drill();
    EmergencyPlan plan = report.plan();
    return new Row(drill.number(), "/api/drills/" + drill.number() + "/report", List.of(plan.name(),
        time.format(drill.scheduledFor() == null ? drill.createdAt() : drill.scheduledFor()),
        String.valueOf(plan.rtoMinutes()), String.valueOf(plan.rpoMinutes()),
        report.teams().stream().map(team -> team(team, plan)).collect(Collectors.joining("\n")),
        drill.result() == null ? texts.text("evidence.readiness.notEvaluated")
            : texts.text("PASSED".equals(drill.result()) ? "evidence.readiness.passed" : "evidence.readiness.failed"),
        report.actions().stream().map(this::action).collect(Collectors.joining("\n"))));
  }

  private String team(TeamResult team, EmergencyPlan plan) {
    return texts.text("evidence.readiness.team", team.team(), String.valueOf(team.recoveryMinutes()),
        String.valueOf(plan.rtoMinutes()), String.valueOf(team.dataLossMinutes()), String.valueOf(plan.rpoMinutes()),
        texts.text(team.passed() ? "evidence.readiness.passed" : "evidence.readiness.failed"));
  }

  /** Open, or done: by whom and when; both with their due date. */
  private String action(Action action) {
    return action.doneAt() == null
        ? texts.text("evidence.readiness.openAction", action.description(), time.format(action.dueAt()))
        : texts.text("evidence.readiness.doneAction", action.description(), time.format(action.dueAt()),
            action.doneBy(), time.format(action.doneAt()));
  }
}
