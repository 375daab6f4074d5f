package org.itops.problem;

import static org.itops.platform.FormValues.text;
import static org.itops.problem.ProblemProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record change outcome": the fix change's outcome (message problem.fixChangeClosed) on the record. */
@Component("recordFixOutcomeDelegate")
class RecordFixOutcomeDelegate implements JavaDelegate {

  private final ProblemService problems;

  RecordFixOutcomeDelegate(ProblemService problems) {
    this.problems = problems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(Var.FIX_SUCCEEDED, problems.fixChangeClosed(execution.getProcessBusinessKey(),
        text(execution, Var.FIX_CHANGE_OUTCOME)));
  }
}
