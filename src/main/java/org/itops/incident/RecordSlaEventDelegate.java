package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An SLA timer fired (input parameter {@code slaEvent}: RESPONSE_BREACH, RESOLUTION_WARNING, RESOLUTION_BREACH).
 * Sets {@code firstOccurrence}, so that a timer that fires again after a pause does not warn twice.
 */
@Component("recordSlaEventDelegate")
class RecordSlaEventDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  RecordSlaEventDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SlaEvent event = SlaEvent.valueOf((String) execution.getVariableLocal(Var.SLA_EVENT));
    execution.setVariable(Var.FIRST_OCCURRENCE, steps.recordSlaEvent(execution.getProcessBusinessKey(), event));
  }
}
