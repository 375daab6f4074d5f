package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Reopen incident": the reporter rejected the resolution; back to the same group's queue, clock running. */
@Component("reopenIncidentDelegate")
class ReopenIncidentDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  ReopenIncidentDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Incident incident = steps.reopen(execution.getProcessBusinessKey(),
        (String) execution.getVariable(Var.REJECTION_REASON));
    // the clock resumes later than it stopped: the timers of the new work follow the record's later due times
    StartSlaClocksDelegate.setDueTimes(execution, incident);
    execution.setVariable(Var.ENGINEER, null);
    execution.setVariable(Var.ALERT_RESOLVED, false);
    execution.setVariable(Var.RESOLVED, false);
    execution.removeVariable(Var.OUTCOME);
    execution.removeVariable(Var.CONFIRMATION);
  }
}
