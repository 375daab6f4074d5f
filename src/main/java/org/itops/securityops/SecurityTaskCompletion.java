package org.itops.securityops;

import static org.itops.platform.FormValues.requiredWithin;
import static org.itops.platform.FormValues.text;
import static org.itops.securityops.SecurityIncidentProcess.Var;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.Times;
import org.itops.securityops.SecurityIncident.Status;
import org.itops.securityops.SecurityIncidentProcess.Element;
import org.springframework.stereotype.Component;

/**
 * Checks what the security team submits with a task and puts it on the incident's record and timeline, with who and
 * when (the forms check the same where form-js can; REST clients get the same rules). A refused completion changes
 * nothing and says why.
 */
@Component("securityTaskCompletion")
class SecurityTaskCompletion implements TaskListener {

  private final SecurityIncidentService incidents;
  private final Clock clock;

  SecurityTaskCompletion(SecurityIncidentService incidents, Clock clock) {
    this.incidents = incidents;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    String number = task.getExecution().getProcessBusinessKey();
    switch (task.getTaskDefinitionKey()) {
      case Element.TRIAGE -> triage(task, number, errors);
      case Element.CONTAIN -> step(task, number, Var.CONTAINMENT_ACTIONS, Status.CONTAINED, "CONTAINED", errors);
      case Element.NOTIFY -> notification(task, number, errors);
      case Element.ERADICATE -> step(task, number, Var.ERADICATION_ACTIONS, Status.ERADICATED, "ERADICATED", errors);
      case Element.RECOVER -> step(task, number, Var.RECOVERY_ACTIONS, Status.RECOVERED, "RECOVERED", errors);
      case Element.REPORT -> {
        required(task, Var.REPORT_SUMMARY, errors);
        required(task, Var.LESSONS_LEARNED, errors);
        refuse(errors);
      }
      default -> throw new IllegalStateException("No completion rules for task " + task.getTaskDefinitionKey());
    }
  }

  /**
   * Severity, and what personal data is involved: DMN breach-notification reads it. Without personal data the
   * record count is 0 and the category "none", whatever the form says.
   */
  private void triage(DelegateTask task, String number, List<FieldError> errors) {
    String severity = text(task, Var.SEVERITY);
    if (severity == null || !SecurityIncidentProcess.SEVERITIES.contains(severity)) {
      errors.add(new FieldError(Var.SEVERITY, "reason.requiredOneOf", SecurityIncidentProcess.SEVERITIES));
    }
    Object personal = task.getVariable(Var.PERSONAL_DATA);
    if (!(personal instanceof Boolean)) {
      errors.add(new FieldError(Var.PERSONAL_DATA, "reason.requiredBoolean"));
    }
    boolean involved = Boolean.TRUE.equals(personal);
    long records = 0;
    String category = "none";
    if (involved) {
      Object count = task.getVariable(Var.RECORDS_AFFECTED);
      if (!(count instanceof Number n) || n.doubleValue() < 1 || n.doubleValue() != Math.floor(n.doubleValue())) {
        errors.add(new FieldError(Var.RECORDS_AFFECTED, "reason.security.recordsAffected"));
      } else {
        records = n.longValue();
      }
      category = text(task, Var.DATA_CATEGORY);
      if (category == null || "none".equals(category) || !SecurityIncidentProcess.DATA_CATEGORIES.contains(category)) {
        errors.add(new FieldError(Var.DATA_CATEGORY, "reason.security.dataCategory",
            SecurityIncidentProcess.DATA_CATEGORIES.subList(1, SecurityIncidentProcess.DATA_CATEGORIES.size())));
      }
    }
    required(task, Var.TRIAGE_NOTES, errors);
    refuse(errors);
    DelegateExecution instance = task.getExecution().getProcessInstance();
    instance.setVariable(Var.PERSONAL_DATA, involved);
    instance.setVariable(Var.RECORDS_AFFECTED, records);
    instance.setVariable(Var.DATA_CATEGORY, category);
    instance.setVariable(Var.PRIORITY, severity);
    incidents.triaged(number, severity, involved, records, category, text(task, Var.TRIAGE_NOTES));
  }

  /** When and how the regulator and the data subjects were told: after the detection, not in the future. */
  private void notification(DelegateTask task, String number, List<FieldError> errors) {
    Instant at = null;
    try {
      at = Times.parse(task.getVariable(Var.NOTIFIED_AT));
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(Var.NOTIFIED_AT, "reason.notADateTime", e.getParsedString()));
    }
    Object detected = task.getVariable(Var.DETECTED_AT);
    if (at == null && errors.isEmpty()) {
      errors.add(new FieldError(Var.NOTIFIED_AT, "reason.required"));
    } else if (at != null && at.isAfter(clock.instant())) {
      errors.add(new FieldError(Var.NOTIFIED_AT, "reason.inTheFuture"));
    } else if (at != null && detected instanceof Date date && at.isBefore(date.toInstant())) {
      errors.add(new FieldError(Var.NOTIFIED_AT, "reason.security.beforeDetection", date.toInstant()));
    }
    required(task, Var.NOTIFICATION_REFERENCE, errors);
    refuse(errors);
    incidents.notified(number, at, text(task, Var.NOTIFICATION_REFERENCE));
  }

  private void step(DelegateTask task, String number, String field, Status status, String type,
      List<FieldError> errors) {
    required(task, field, errors);
    refuse(errors);
    incidents.stepDone(number, status, type, text(task, field));
  }

  private static void refuse(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** The field's text, required and at most as long as the record's texts. */
  private static void required(DelegateTask task, String field, List<FieldError> errors) {
    requiredWithin(task, field, SecurityIncidentReport.MAX_TEXT, errors);
  }
}
