package org.itops.drill;

import static org.itops.drill.DrillProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Register drill": the drill's record for its plan, its number the business key, the plan's data for the tasks. */
@Component("registerDrillDelegate")
class RegisterDrillDelegate implements JavaDelegate {

  private final DrillService drills;

  RegisterDrillDelegate(DrillService drills) {
    this.drills = drills;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // a person (Tasklist, the API) or the schedule
    Object initiator = execution.getVariable(Var.INITIATOR);
    Object startedBy = initiator != null ? initiator : execution.getVariable(Var.STARTED_BY);
    DrillRepository.Drill drill = drills.register((String) execution.getVariable(Var.PLAN_NAME),
        startedBy == null ? "system" : startedBy.toString());
    EmergencyPlan plan = drills.planOf(drill.number());
    execution.setProcessBusinessKey(drill.number());
    execution.setVariable(Var.RECORD_NUMBER, drill.number());
    execution.setVariable(Var.TITLE, "Drill: " + plan.name());
    execution.setVariable(Var.PRIORITY, null);
    execution.setVariable(Var.PLAN_NAME, plan.name());
    execution.setVariable(Var.SCENARIO, plan.scenario());
    execution.setVariable(Var.OWNER_GROUP, plan.ownerGroup());
    execution.setVariable(Var.PARTICIPATING_TEAMS, String.join(",", plan.participatingTeams()));
    execution.setVariable(Var.RTO_MINUTES, plan.rtoMinutes());
    execution.setVariable(Var.RPO_MINUTES, plan.rpoMinutes());
  }
}
