package org.itops.improvement;

import static org.itops.platform.FormValues.isBlank;
import static org.itops.platform.FormValues.oneOf;
import static org.itops.platform.FormValues.required;
import static org.itops.platform.FormValues.text;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.kpi.KpiService;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Component;

/**
 * Checks what a person submits with a task of continuous-improvement and puts it on the improvement's timeline (the
 * forms check the same; REST clients get the same rules).
 */
@Component("improvementTaskCompletion")
class ImprovementTaskCompletion implements TaskListener {

  static final List<String> LEVELS = List.of("high", "medium", "low");
  static final List<String> APPROVALS = List.of("approve", "reject");
  static final List<String> CHECK_DECISIONS = List.of("standardise", "again", "stop");

  private final ImprovementService improvements;
  private final CurrentUser currentUser;

  ImprovementTaskCompletion(ImprovementService improvements, CurrentUser currentUser) {
    this.improvements = improvements;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    String number = task.getExecution().getProcessBusinessKey();
    switch (task.getTaskDefinitionKey()) {
      case "evaluateImprovement" -> {
        oneOf(task, "value", LEVELS, errors);
        oneOf(task, "effort", LEVELS, errors);
        oneOf(task, "targetKpi", List.copyOf(KpiService.TARGETS.keySet()), errors);
        if (errors.isEmpty()) {
          improvements.evaluated(number, text(task, "targetKpi"));
          improvements.step(number, "EVALUATED", "EVALUATED", "timeline.improvement.evaluated",
              Timeline.code("impact", text(task, "value")), Timeline.code("effort", text(task, "effort")),
              KpiService.TARGETS.get(text(task, "targetKpi")));
        }
      }
      case "approveImprovement" -> {
        String decision = oneOf(task, "decision", APPROVALS, errors);
        if ("reject".equals(decision)) {
          required(task, "closingNotes", errors);
        }
        if (errors.isEmpty()) {
          improvements.step(number, "approve".equals(decision) ? "APPROVED" : "REJECTED", decision.toUpperCase(),
              "timeline.withNotes", who(), Timeline.because(text(task, "closingNotes")));
        }
      }
      case "planImprovement" -> {
        required(task, "plan", errors);
        try {
          if (!improvements.trainees(text(task, "trainees")).isEmpty()) {
            required(task, "trainingTopic", errors);
          }
        } catch (InvalidRequestException unknownUsers) {
          errors.addAll(unknownUsers.errors());
        }
        if (errors.isEmpty()) {
          improvements.step(number, "PLANNED", "PLANNED", "timeline.typed", text(task, "plan"));
        }
      }
      case "doImprovement" -> required(task, "doNotes", errors);
      case "completeTraining" -> {
        String trainee = String.valueOf(task.getVariable("trainee"));
        if (currentUser.id() != null && !currentUser.id().equals(trainee)) {
          errors.add(new FieldError("trainee", "reason.improvement.ownTraining", trainee));
        } else {
          improvements.trained(number, trainee, text(task, "trainingTopic"), text(task, "trainingNotes"));
        }
      }
      case "checkEffect" -> {
        oneOf(task, "checkDecision", CHECK_DECISIONS, errors);
        required(task, "checkNotes", errors);
        if (errors.isEmpty()) {
          improvements.step(number, "CHECKED", "CHECKED", "timeline.labelled", text(task, "checkDecision"),
              text(task, "checkNotes"));
          // another cycle plans its own training
          task.getExecution().setVariable("trainees", null);
        }
      }
      case "standardiseImprovement" -> required(task, "closingNotes", errors);
      default -> throw new IllegalStateException("No completion rules for task " + task.getTaskDefinitionKey());
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private String who() {
    return currentUser.id() == null ? "system" : currentUser.id();
  }
}
