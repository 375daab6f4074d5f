package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record problem": the root cause and preventive actions of a major incident (the problem record). */
@Component("recordProblemDelegate")
class RecordProblemDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  RecordProblemDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.recordProblem(execution.getProcessBusinessKey(), (String) execution.getVariable(Var.ROOT_CAUSE),
        (String) execution.getVariable(Var.PREVENTIVE_ACTIONS));
  }
}
