package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record resolution": resolution code, notes and the change that caused the incident, if any; the clock stops until
 * the reporter confirms or reopens.
 */
@Component("recordResolutionDelegate")
class RecordResolutionDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  RecordResolutionDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.resolve(execution.getProcessBusinessKey(), (String) execution.getVariable(Var.RESOLUTION_CODE),
        (String) execution.getVariable(Var.RESOLUTION_NOTES), (String) execution.getVariable(Var.CAUSED_BY_CHANGE));
    if (execution.getVariable(Var.PROPOSE_ARTICLE) == null) {
      execution.setVariable(Var.PROPOSE_ARTICLE, false);
    }
    execution.setVariable(Var.RESOLVED, true);
  }
}
