package org.itops.problem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close problem": the fix held through the watch period. */
@Component("closeProblemDelegate")
class CloseProblemDelegate implements JavaDelegate {

  private final ProblemService problems;

  CloseProblemDelegate(ProblemService problems) {
    this.problems = problems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    problems.close(execution.getProcessBusinessKey());
  }
}
