package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record status update" of a major incident, before it is mailed to the stakeholders. */
@Component("recordStatusUpdateDelegate")
class RecordStatusUpdateDelegate implements JavaDelegate {

  private final IncidentService incidents;

  RecordStatusUpdateDelegate(IncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.recordStatusUpdate(execution.getProcessBusinessKey(), (String) execution.getVariable(Var.STATUS_UPDATE));
  }
}
