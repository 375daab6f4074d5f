package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;
import static org.itops.platform.FormValues.isOneOf;
import static org.itops.platform.FormValues.requiredWithin;
import static org.itops.platform.FormValues.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.change.ChangeService;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.springframework.stereotype.Component;

/**
 * Checks what a person submits with an incident task before the process moves on (the forms check the same
 * where form-js can; REST clients get the same rules). A refused completion changes nothing and says why.
 */
@Component("incidentTaskValidation")
class IncidentTaskValidation implements TaskListener {

  static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4");
  static final Set<String> OUTCOMES = Set.of("resolved", "waiting", "reassign");
  static final Set<String> RESOLUTION_CODES =
      Set.of("FIXED", "WORKAROUND", "NO_FAULT_FOUND", "DUPLICATE", "USER_ERROR", "CHANGE_REQUIRED");
  static final Set<String> CONFIRMATIONS = Set.of("yes", "no");

  private final IncidentService incidents;
  private final CurrentUser currentUser;
  private final ChangeService changes;

  IncidentTaskValidation(IncidentService incidents, CurrentUser currentUser, ChangeService changes) {
    this.incidents = incidents;
    this.currentUser = currentUser;
    this.changes = changes;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    switch (task.getTaskDefinitionKey()) {
      case IncidentProcess.Element.TRIAGE -> triage(task, errors);
      case IncidentProcess.Element.TAKE -> take(task, errors);
      case IncidentProcess.Element.WORK -> work(task, errors);
      case IncidentProcess.Element.ANSWER_QUESTION -> required(task, Var.ANSWER, errors);
      case IncidentProcess.Element.CONFIRM -> confirm(task, errors);
      case IncidentProcess.Element.REVIEW_BREACH -> required(task, Var.BREACH_ACTION, errors);
      case IncidentProcess.Element.POST_STATUS_UPDATE -> required(task, Var.STATUS_UPDATE, errors);
      case IncidentProcess.Element.REVIEW_ROOT_CAUSE -> {
        required(task, Var.ROOT_CAUSE, errors);
        required(task, Var.PREVENTIVE_ACTIONS, errors);
      }
      default -> throw new IllegalStateException("No completion rules for task " + task.getTaskDefinitionKey());
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private void triage(DelegateTask task, List<FieldError> errors) {
    String priority = text(task, Var.PRIORITY);
    if (!isOneOf(PRIORITIES, priority)) {
      errors.add(new FieldError(Var.PRIORITY, "reason.priority"));
    } else if (!priority.equals(task.getVariable(Var.COMPUTED_PRIORITY))) {
      required(task, Var.OVERRIDE_REASON, errors);
    }
    group(task, Var.ASSIGNED_GROUP, errors);
    // the box is ticked or not (registration sets it; instances started before V25 lack it and keep the record's)
    Object outage = task.getVariable(Var.OUTAGE);
    if (outage != null && !(outage instanceof Boolean)) {
      errors.add(new FieldError(Var.OUTAGE, "reason.requiredBoolean"));
    }
  }

  private void take(DelegateTask task, List<FieldError> errors) {
    // whoever takes it, logged in: not an assignee that someone else could have set
    String engineer = currentUser.id();
    if (engineer == null) {
      errors.add(new FieldError("assignee", "reason.incident.logIn"));
    } else {
      task.setVariable(Var.ENGINEER, engineer);
    }
  }

  private void work(DelegateTask task, List<FieldError> errors) {
    String outcome = text(task, Var.OUTCOME);
    if (!isOneOf(OUTCOMES, outcome)) {
      errors.add(new FieldError(Var.OUTCOME, "reason.incident.outcome"));
      return;
    }
    switch (outcome) {
      case "resolved" -> {
        if (!isOneOf(RESOLUTION_CODES, text(task, Var.RESOLUTION_CODE))) {
          errors.add(new FieldError(Var.RESOLUTION_CODE, "reason.oneOf", RESOLUTION_CODES));
        }
        required(task, Var.RESOLUTION_NOTES, errors);
        String change = text(task, Var.CAUSED_BY_CHANGE);
        if (change != null && !change.isBlank() && !changes.exists(change.strip())) {
          errors.add(new FieldError(Var.CAUSED_BY_CHANGE, "reason.notAChange", change));
        }
      }
      case "waiting" -> {
        if (IncidentProcess.SOURCE_ALERT.equals(task.getVariable(Var.SOURCE))) {
          errors.add(new FieldError(Var.OUTCOME, "reason.incident.noRequester"));
        }
        required(task, Var.QUESTION, errors);
      }
      default -> {
        group(task, Var.NEW_GROUP, errors);
        required(task, Var.REASSIGN_REASON, errors);
      }
    }
  }

  private static void confirm(DelegateTask task, List<FieldError> errors) {
    String confirmation = text(task, Var.CONFIRMATION);
    if (!isOneOf(CONFIRMATIONS, confirmation)) {
      errors.add(new FieldError(Var.CONFIRMATION, "reason.incident.confirmation"));
    } else if ("no".equals(confirmation)) {
      required(task, Var.REJECTION_REASON, errors);
    }
  }

  private void group(DelegateTask task, String field, List<FieldError> errors) {
    if (!isOneOf(incidents.supportGroups(), text(task, field))) {
      errors.add(new FieldError(field, "reason.oneOf", incidents.supportGroups()));
    }
  }

  /** The field's text, required and at most as long as the record's texts. */
  private static void required(DelegateTask task, String field, List<FieldError> errors) {
    requiredWithin(task, field, IncidentReport.MAX_TEXT, errors);
  }
}
