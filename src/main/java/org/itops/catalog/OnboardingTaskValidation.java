package org.itops.catalog;

import static org.itops.catalog.OnboardingProcess.Var;
import static org.itops.platform.FormValues.oneOf;
import static org.itops.platform.FormValues.text;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.calendar.Calendars;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.springframework.stereotype.Component;

/**
 * Checks what a person submits with an onboarding task (the forms check the same where form-js can; REST clients
 * get the same rules). A refused completion changes nothing and says why.
 */
@Component("onboardingTaskValidation")
class OnboardingTaskValidation implements TaskListener {

  static final List<String> SLA_DECISIONS = List.of("agreed", "declined");
  static final List<String> REVIEW_OUTCOMES = List.of("keep", "change", "retire");
  static final List<String> APPROVALS = List.of("approve", "reject");

  private final Calendars calendars;

  OnboardingTaskValidation(Calendars calendars) {
    this.calendars = calendars;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    switch (task.getTaskDefinitionKey()) {
      case OnboardingProcess.Element.AGREE_SLA -> {
        String decision = oneOf(task, Var.SLA_DECISION, SLA_DECISIONS, errors);
        if ("agreed".equals(decision)) {
          OnboardingVariables.level(task).addErrors(errors, calendars.hoursNames());
        }
      }
      case OnboardingProcess.Element.APPROVE_OWNERS -> approval(task, Var.OWNERS_APPROVAL, Var.OWNERS_COMMENT, errors);
      case OnboardingProcess.Element.APPROVE_MANAGER -> approval(task, Var.MANAGER_APPROVAL, Var.MANAGER_COMMENT, errors);
      case OnboardingProcess.Element.REVIEW -> {
        oneOf(task, Var.REVIEW_OUTCOME, REVIEW_OUTCOMES, errors);
        if (text(task, Var.REVIEW_NOTES) == null || text(task, Var.REVIEW_NOTES).isBlank()) {
          errors.add(new FieldError(Var.REVIEW_NOTES, "reason.required"));
        }
      }
      default -> throw new IllegalStateException("No completion rules for task " + task.getTaskDefinitionKey());
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** A refusal needs a comment: the owner reworks the SLA from it. */
  private static void approval(DelegateTask task, String decision, String comment, List<FieldError> errors) {
    if ("reject".equals(oneOf(task, decision, APPROVALS, errors))
        && (text(task, comment) == null || text(task, comment).isBlank())) {
      errors.add(new FieldError(comment, "reason.refusalNotes"));
    }
  }
}
