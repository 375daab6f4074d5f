package org.itops.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record overdue actions": the improvement actions still open at their due date, on the timeline. */
@Component("recordOverdueActionsDelegate")
class RecordOverdueActionsDelegate implements JavaDelegate {

  private final DrillService drills;

  RecordOverdueActionsDelegate(DrillService drills) {
    this.drills = drills;
  }

  @Override
  public void execute(DelegateExecution execution) {
    drills.actionsOverdue(execution.getProcessBusinessKey());
  }
}
