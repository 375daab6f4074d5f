package org.itops.problem;

import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Reopen investigation": an incident recurred on the item while the fix was watched. */
@Component("reopenInvestigationDelegate")
class ReopenInvestigationDelegate implements JavaDelegate {

  private final ProblemService problems;

  ReopenInvestigationDelegate(ProblemService problems) {
    this.problems = problems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    problems.reopen(execution.getProcessBusinessKey(), text(execution, "recurringIncident"));
  }
}
