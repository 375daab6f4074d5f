package org.itops.change;

import static org.itops.change.ChangeProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check the window": freezes and other changes on the same items that overlap the change's window. */
@Component("checkChangeScheduleDelegate")
class CheckScheduleDelegate implements JavaDelegate {

  private final ChangeService changes;

  CheckScheduleDelegate(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChangeService.ScheduleCheck check = changes.checkSchedule(execution.getProcessBusinessKey());
    changes.scheduleChecked(execution.getProcessBusinessKey(), check);
    execution.setVariable(Var.SCHEDULE_PROBLEMS, check.clear() ? null : String.join("\n", check.problems()));
    execution.setVariable(Var.IN_FREEZE, check.inFreeze());
  }
}
