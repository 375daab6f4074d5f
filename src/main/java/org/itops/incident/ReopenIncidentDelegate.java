package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Reopen incident": the reporter rejected the resolution; back to the same group's queue, clock running. */
@Component("reopenIncidentDelegate")
class ReopenIncidentDelegate implements JavaDelegate {

  private final IncidentService incidents;

  ReopenIncidentDelegate(IncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.reopen(execution.getProcessBusinessKey(), (String) execution.getVariable(Var.REJECTION_REASON));
    execution.setVariable(Var.ENGINEER, null);
    execution.setVariable(Var.ALERT_RESOLVED, false);
    execution.setVariable(Var.RESOLVED, false);
    execution.removeVariable(Var.OUTCOME);
    execution.removeVariable(Var.CONFIRMATION);
  }
}
