package org.itops.change;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Component;

/**
 * A step that moves the change on (input parameters {@code changeStatus}, e.g. {@code IMPLEMENTING}, and
 * {@code note} for its timeline); {@code SCHEDULED} also says whether the window was clear or accepted.
 */
@Component("changeStatusDelegate")
class ChangeStatusDelegate implements JavaDelegate {

  private final ChangeService changes;
  private final ChangeSchedule schedule;

  ChangeStatusDelegate(ChangeService changes, ChangeSchedule schedule) {
    this.changes = changes;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Change.Status status = Change.Status.valueOf(String.valueOf(execution.getVariableLocal("changeStatus")));
    String note = String.valueOf(execution.getVariableLocal("note"));
    if (status == Change.Status.SCHEDULED) {
      Object problems = execution.getVariable(ChangeProcess.Var.SCHEDULE_PROBLEMS);
      schedule.scheduled(execution.getProcessBusinessKey(), problems == null
          ? Timeline.text("timeline.change.windowClearShort")
          : Timeline.text("timeline.change.problemsAccepted", problems));
    } else {
      changes.moveTo(execution.getProcessBusinessKey(), status, status.name(), "timeline.typed", note);
    }
  }
}
