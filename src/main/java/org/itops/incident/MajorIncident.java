package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The variable {@code major} starts the event sub-process "Major incident communication" when it is created
 * (its conditional start event listens to the creation only), so it is created once, with true.
 */
final class MajorIncident {

  static void declare(DelegateExecution execution) {
    if (execution.getVariable(Var.MAJOR) == null) {
      execution.getProcessInstance().setVariable(Var.MAJOR, true);
    }
  }

  private MajorIncident() {}
}
