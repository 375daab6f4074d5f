package org.itops.change;

import static org.itops.change.ChangeProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check the window": freezes and other changes on the same items that overlap the change's window. */
@Component("checkChangeScheduleDelegate")
class CheckScheduleDelegate implements JavaDelegate {

  private final ChangeSchedule schedule;

  CheckScheduleDelegate(ChangeSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChangeSchedule.ScheduleCheck check = schedule.checkSchedule(execution.getProcessBusinessKey());
    schedule.scheduleChecked(execution.getProcessBusinessKey(), check);
    execution.setVariable(Var.SCHEDULE_PROBLEMS, check.clear() ? null : String.join("\n", check.problems()));
    execution.setVariable(Var.IN_FREEZE, check.inFreeze());
  }
}
