package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record response": the engineer who took the incident met (or missed) the response target. Also tells the
 * process whether the alert behind the incident was resolved meanwhile.
 */
@Component("recordResponseDelegate")
class RecordResponseDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  RecordResponseDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Incident incident = steps.recordResponse(execution.getProcessBusinessKey(),
        (String) execution.getVariable(Var.ENGINEER));
    // monitoring may have reported the alert resolved before anyone worked on it (the record keeps it)
    execution.setVariable(Var.ALERT_RESOLVED, incident.getAlertResolvedAt() != null);
  }
}
