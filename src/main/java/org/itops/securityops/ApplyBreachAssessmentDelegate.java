package org.itops.securityops;

import static org.itops.securityops.SecurityIncidentProcess.Var;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Apply breach assessment": DMN breach-notification's answer on the record; when a notification is due, the
 * regulator's clock (deadline 72 hours after detection, reminder a day before) for the timers of "Notify the
 * regulator and data subjects".
 */
@Component("applyBreachAssessmentDelegate")
class ApplyBreachAssessmentDelegate implements JavaDelegate {

  private final SecurityIncidentService incidents;

  ApplyBreachAssessmentDelegate(SecurityIncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) execution.getVariable(Var.BREACH_ASSESSMENT);
    if (result == null || result.get(Var.NOTIFY_REGULATOR) == null || result.get(Var.NOTIFY_SUBJECTS) == null) {
      throw new IllegalStateException("DMN " + SecurityIncidentProcess.DECISION + " gave no answer for "
          + execution.getProcessBusinessKey() + ": add a rule for it");
    }
    boolean regulator = (Boolean) result.get(Var.NOTIFY_REGULATOR);
    boolean subjects = (Boolean) result.get(Var.NOTIFY_SUBJECTS);
    Instant deadline = incidents.assessed(execution.getProcessBusinessKey(), regulator, subjects);
    execution.setVariable(Var.NOTIFY_REGULATOR, regulator);
    execution.setVariable(Var.NOTIFY_SUBJECTS, subjects);
    execution.setVariable(Var.NOTIFICATION_REQUIRED, deadline != null);
    if (deadline != null) {
      execution.setVariable(Var.NOTIFICATION_DEADLINE, Date.from(deadline));
      execution.setVariable(Var.NOTIFICATION_REMINDER_AT, Date.from(deadline
          .minus(SecurityIncidentProcess.NOTIFICATION_PERIOD).plus(SecurityIncidentProcess.NOTIFICATION_REMINDER)));
    }
  }
}
