package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record problem": the root cause and preventive actions of a major incident (the problem record). */
@Component("recordProblemDelegate")
class RecordProblemDelegate implements JavaDelegate {

  private final IncidentService incidents;

  RecordProblemDelegate(IncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.recordProblem(execution.getProcessBusinessKey(), (String) execution.getVariable(Var.ROOT_CAUSE),
        (String) execution.getVariable(Var.PREVENTIVE_ACTIONS));
  }
}
