package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Pause resolution clock": the engineer asked the requester a question. */
@Component("pauseSlaClockDelegate")
class PauseSlaClockDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  PauseSlaClockDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.waitForRequester(execution.getProcessBusinessKey(), (String) execution.getVariable(Var.QUESTION));
  }
}
