package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record status update" of a major incident, before it is mailed to the stakeholders. */
@Component("recordStatusUpdateDelegate")
class RecordStatusUpdateDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  RecordStatusUpdateDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.recordStatusUpdate(execution.getProcessBusinessKey(), (String) execution.getVariable(Var.STATUS_UPDATE));
  }
}
