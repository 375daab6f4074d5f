package org.itops.problem;

import static org.itops.platform.FormValues.blankToNull;
import static org.itops.platform.FormValues.text;
import static org.itops.problem.ProblemProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Raise problem" of the process new-problem: the start form's problem is raised as over POST /api/problems, by the
 * staff member who submitted it, with the same rules (a refusal fails the start and Tasklist shows why). The
 * instance takes the problem's number as its business key: the new one's, or the open one the incidents joined.
 */
@Component("raiseProblemDelegate")
class RaiseProblemDelegate implements JavaDelegate {

  private final ProblemService problems;

  RaiseProblemDelegate(ProblemService problems) {
    this.problems = problems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = problems.raise(new ProblemRequest(text(execution, Var.TITLE),
        blankToNull(text(execution, Var.DESCRIPTION)), text(execution, Var.CATEGORY),
        blankToNull(text(execution, Var.CONFIGURATION_ITEM)), blankToNull(text(execution, Var.SERVICE)),
        ProblemRequest.incidentNumbers(text(execution, Var.INCIDENTS))));
    execution.setProcessBusinessKey(number);
  }
}
