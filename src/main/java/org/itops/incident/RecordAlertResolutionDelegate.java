package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record alert resolution": monitoring cleared the alert, so the incident goes to the reporter to confirm. */
@Component("recordAlertResolutionDelegate")
class RecordAlertResolutionDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  RecordAlertResolutionDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Incident incident = steps.resolveByAlert(execution.getProcessBusinessKey(),
        (String) execution.getVariable(Var.ALERT_NOTE));
    // what the reporter's mail and confirmation form show
    execution.setVariable(Var.RESOLUTION_CODE, incident.getResolutionCode());
    execution.setVariable(Var.RESOLUTION_NOTES, incident.getResolutionNotes());
    execution.setVariable(Var.PROPOSE_ARTICLE, false);
    execution.setVariable(Var.RESOLVED, true);
  }
}
