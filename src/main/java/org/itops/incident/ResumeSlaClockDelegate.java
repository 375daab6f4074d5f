package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Resume resolution clock": the requester answered; the due times move by the paused time. */
@Component("resumeSlaClockDelegate")
class ResumeSlaClockDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  ResumeSlaClockDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Incident incident = steps.requesterAnswered(execution.getProcessBusinessKey(),
        (String) execution.getVariable(Var.ANSWER));
    StartSlaClocksDelegate.setDueTimes(execution, incident);
    execution.removeVariable(Var.OUTCOME);
  }
}
