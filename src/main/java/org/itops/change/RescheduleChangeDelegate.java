package org.itops.change;

import static org.itops.change.ChangeProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Move the window": the change manager's new window (checked again next). */
@Component("rescheduleChangeDelegate")
class RescheduleChangeDelegate implements JavaDelegate {

  private final ChangeSchedule schedule;

  RescheduleChangeDelegate(ChangeSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Change change = schedule.reschedule(execution.getProcessBusinessKey(),
        ChangeVariables.instant(execution, Var.NEW_START), ChangeVariables.instant(execution, Var.NEW_END));
    ChangeVariables.setWindow(execution, change);
  }
}
