package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close incident" (input parameter {@code closureCode}: CONFIRMED, NO_ANSWER). */
@Component("closeIncidentDelegate")
class CloseIncidentDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  CloseIncidentDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.close(execution.getProcessBusinessKey(), (String) execution.getVariableLocal(Var.CLOSURE_CODE));
  }
}
