package org.itops.problem;

import static org.itops.platform.FormValues.text;
import static org.itops.problem.ProblemProcess.Var;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.change.ChangeRequest;
import org.itops.change.ChangeService;
import org.springframework.stereotype.Component;

/**
 * "Raise fix change": a normal change on the problem's item, with the problem as its source record, requested by who
 * completed "Request fix change" (a refused request fails that completion with the change's field errors).
 */
@Component("raiseFixChangeDelegate")
class RaiseFixChangeDelegate implements JavaDelegate {

  private final ProblemService problems;
  private final ChangeService changes;

  RaiseFixChangeDelegate(ProblemService problems, ChangeService changes) {
    this.problems = problems;
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Problem problem = problems.load(execution.getProcessBusinessKey());
    String change = changes.request(new ChangeRequest(text(execution, Var.CHANGE_SUMMARY),
        problem.rootCause(), "normal", text(execution, "impact"),
        problem.configurationItem() == null ? List.of() : List.of(problem.configurationItem()),
        text(execution, Var.IMPLEMENTATION_PLAN), text(execution, Var.BACKOUT_PLAN),
        text(execution, Var.TEST_EVIDENCE), ChangeRequest.timeText(execution.getVariable(Var.PLANNED_START)),
        ChangeRequest.timeText(execution.getVariable(Var.PLANNED_END)), problem.number()));
    problems.fixChangeRaised(problem.number(), change);
    execution.setVariable(Var.FIX_CHANGE, change);
  }
}
