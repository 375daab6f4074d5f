package org.itops.change;

import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record the freeze": a change manager's freeze period from the Tasklist form (the same as
 * {@code POST /api/changes/freezes}); the changes scheduled from then on are checked against it.
 */
@Component("declareFreezeDelegate")
class DeclareFreezeDelegate implements JavaDelegate {

  private final ChangeSchedule schedule;

  DeclareFreezeDelegate(ChangeSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChangeRepository.Freeze freeze = schedule.addFreeze(text(execution, "name"),
        ChangeVariables.instant(execution, "startsAt"), ChangeVariables.instant(execution, "endsAt"),
        text(execution, "reason"));
    execution.setProcessBusinessKey("FREEZE-" + freeze.id());
    execution.setVariable("recordNumber", "FREEZE-" + freeze.id());
    execution.setVariable("title", "Change freeze: " + freeze.name());
    execution.setVariable("priority", null);
  }
}
