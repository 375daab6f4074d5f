package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record reassignment": the incident goes to another group's queue; the resolution clock runs on. */
@Component("recordReassignmentDelegate")
class RecordReassignmentDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  RecordReassignmentDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String group = (String) execution.getVariable(Var.NEW_GROUP);
    steps.reassign(execution.getProcessBusinessKey(), group, (String) execution.getVariable(Var.REASSIGN_REASON));
    execution.setVariable(Var.ASSIGNED_GROUP, group);
    execution.setVariable(Var.ENGINEER, null);
    execution.removeVariable(Var.NEW_GROUP);
    execution.removeVariable(Var.REASSIGN_REASON);
    execution.removeVariable(Var.OUTCOME);
  }
}
