package org.itops.notification;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.SuiteTime;
import org.springframework.stereotype.Component;

/**
 * The mail step of any BPMN: writes the mail to the {@link MailOutbox}, which sends it once this step's transaction
 * has committed, and lets its own process go on at once. Input parameters of the task:
 * <ul>
 *   <li>{@code notificationTemplate}: the template, {@code mail/<name>.txt} (required);</li>
 *   <li>{@code notifyGroup} and/or {@code notifyUser}: who receives it, comma-separated ids (one required).</li>
 * </ul>
 * The template may use any process variable, {@code recordNumber} (the business key) and {@code tasklistUrl}.
 * Nothing here talks to SMTP or can fail on a recipient, so the task needs no {@code asyncBefore}: a wrong template,
 * a group without addresses or SMTP being down make the mail a mail-delivery instance, with a retrying job and then
 * an incident in Cockpit, never a failed task completion of the people of this process.
 */
@Component("sendNotificationDelegate")
class SendNotificationDelegate implements JavaDelegate {

  private final MailOutbox outbox;
  private final SuiteTime time;

  SendNotificationDelegate(MailOutbox outbox, SuiteTime time) {
    this.outbox = outbox;
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object template = execution.getVariableLocal(MailDeliveryProcess.Var.TEMPLATE);
    outbox.request(new NotificationService.Notification(template == null ? null : template.toString().strip(),
        execution.getProcessBusinessKey(), MailDeliveryProcess.ids(execution.getVariableLocal(MailDeliveryProcess.Var.GROUPS)),
        MailDeliveryProcess.ids(execution.getVariableLocal(MailDeliveryProcess.Var.USERS)), templateValues(execution),
        execution.getProcessInstanceId(), execution.getCurrentActivityId()));
  }

  /** The process's variables, dates as people read them (in the suite's zone, or the instance's own). */
  private Map<String, Object> templateValues(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    Object zone = execution.getVariable(SuiteTime.ZONE_VARIABLE);
    execution.getVariables().forEach((name, value) ->
        values.put(name, value instanceof Date date ? time.format(date, zone) : value));
    return values;
  }
}
