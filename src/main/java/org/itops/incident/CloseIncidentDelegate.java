package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close incident" (input parameter {@code closureCode}: CONFIRMED, NO_ANSWER). */
@Component("closeIncidentDelegate")
class CloseIncidentDelegate implements JavaDelegate {

  private final IncidentService incidents;

  CloseIncidentDelegate(IncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.close(execution.getProcessBusinessKey(), (String) execution.getVariableLocal(Var.CLOSURE_CODE));
  }
}
