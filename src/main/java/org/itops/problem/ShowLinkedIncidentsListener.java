package org.itops.problem;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Investigate problem" shows the incidents linked to the problem when the task is created. */
@Component("showLinkedIncidentsListener")
class ShowLinkedIncidentsListener implements TaskListener {

  private final ProblemService problems;

  ShowLinkedIncidentsListener(ProblemService problems) {
    this.problems = problems;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(ProblemProcess.Var.LINKED_INCIDENTS,
        String.join(", ", problems.load(task.getExecution().getProcessBusinessKey()).incidents()));
  }
}
