package org.itops.drill;

import static org.itops.drill.DrillProcess.Var;
import static org.itops.platform.FormValues.instant;
import static org.itops.platform.FormValues.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.drill.DrillProcess.Element;
import org.itops.improvement.ImprovementService;
import org.itops.platform.FormValues;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.springframework.stereotype.Component;

/**
 * Checks what people submit with a drill's tasks and puts it on the drill's record (the forms check the same where
 * form-js can; REST clients get the same rules). A refused completion changes nothing and says why.
 */
@Component("drillTaskCompletion")
class DrillTaskCompletion implements TaskListener {

  private final DrillService drills;
  private final ImprovementService improvements;

  DrillTaskCompletion(DrillService drills, ImprovementService improvements) {
    this.drills = drills;
    this.improvements = improvements;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = task.getExecution().getProcessBusinessKey();
    List<FieldError> errors = new ArrayList<>();
    switch (task.getTaskDefinitionKey()) {
      case Element.PREPARE -> {
        Instant date = instant(task, Var.DRILL_DATE, errors);
        errors.addAll(drills.preparationErrors(text(task, Var.SCENARIO), text(task, Var.PARTICIPANTS), date));
        refuse(errors);
        drills.prepared(number, text(task, Var.SCENARIO), text(task, Var.PARTICIPANTS), date);
        // the timer "Drill day" reads a date
        task.getExecution().getProcessInstance().setVariable(Var.DRILL_DATE, Date.from(date));
      }
      case Element.RUN -> {
        Instant start = instant(task, Var.STARTED_AT, errors);
        Instant end = instant(task, Var.ENDED_AT, errors);
        refuse(errors);
        Object loss = task.getVariable(Var.DATA_LOSS_MINUTES);
        drills.recordTeamResult(number, text(task, Var.TEAM), start, end, loss instanceof Number n ? n : null,
            text(task, Var.WHAT_HAPPENED));
      }
      case Element.REVIEW -> {
        List<String> actions = DrillService.actionLines(text(task, Var.IMPROVEMENT_ACTIONS));
        Instant due = instant(task, Var.ACTIONS_DUE, errors);
        errors.addAll(drills.actionErrors(actions, due));
        refuse(errors);
        drills.addActions(number, actions, due);
        checkTrainingNeeds(task);
        task.getExecution().getProcessInstance().setVariable(Var.HAS_ACTIONS, !actions.isEmpty());
        if (due != null) {
          task.getExecution().getProcessInstance().setVariable(Var.ACTIONS_DUE, Date.from(due));
        }
      }
      case Element.ACTION -> {
        String notes = text(task, Var.ACTION_NOTES);
        if (notes == null || notes.isBlank() || notes.length() > 4000) {
          refuse(List.of(new FieldError(Var.ACTION_NOTES, "reason.drill.actionNotes")));
        }
        drills.actionDone(number, text(task, Var.ACTION), notes.strip());
      }
      default -> throw new IllegalStateException("No completion rules for task " + task.getTaskDefinitionKey());
    }
  }

  /**
   * Training needs name people the suite knows and a topic; the event after the review starts continuous-improvement
   * with them (ProposeDrillImprovementDelegate).
   */
  private void checkTrainingNeeds(DelegateTask task) {
    String trainees = text(task, "trainees");
    if (FormValues.isBlank(trainees)) {
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    try {
      improvements.trainees(trainees);
    } catch (InvalidRequestException unknown) {
      errors.addAll(unknown.errors());
    }
    FormValues.required(task, "trainingTopic", errors);
    refuse(errors);
  }


  private static void refuse(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
