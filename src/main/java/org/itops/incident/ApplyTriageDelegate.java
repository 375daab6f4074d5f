package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Apply triage": the priority, support group, major flag and outage mark the service desk chose (validated on
 * completion).
 */
@Component("applyTriageDelegate")
class ApplyTriageDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  ApplyTriageDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean declareMajor = Boolean.TRUE.equals(execution.getVariable("declareMajor"));
    boolean overridden = steps.applyTriage(execution.getProcessBusinessKey(),
        (String) execution.getVariable(Var.PRIORITY), (String) execution.getVariable(Var.OVERRIDE_REASON),
        (String) execution.getVariable(Var.ASSIGNED_GROUP), declareMajor,
        (Boolean) execution.getVariable(Var.OUTAGE));
    execution.setVariable(Var.PRIORITY_OVERRIDDEN, overridden);
    if (declareMajor) {
      MajorIncident.declare(execution);
      execution.setVariable(Var.OUTAGE, true);
    }
  }
}
