package org.itops.notification;

import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.CallsOutside;
import org.springframework.stereotype.Component;

/**
 * Sends a mail from a BPMN service task. Input parameters of the task:
 * <ul>
 *   <li>{@code notificationTemplate}: the template, {@code mail/<name>.txt} (required);</li>
 *   <li>{@code notifyGroup} and/or {@code notifyUser}: who receives it, comma-separated ids (one required).</li>
 * </ul>
 * The template may use any process variable, {@code recordNumber} (the business key) and {@code tasklistUrl}.
 * The task must be {@code asyncBefore} with a {@code failedJobRetryTimeCycle}: SMTP being down then leaves a
 * retrying job and, when the retries are spent, an incident in Cockpit; retrying it sends the mail.
 */
@Component("sendNotificationDelegate")
@CallsOutside
class SendNotificationDelegate implements JavaDelegate {

  private final NotificationService notifications;

  SendNotificationDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = (String) execution.getVariableLocal("notificationTemplate");
    List<String> groups = ids(execution.getVariableLocal("notifyGroup"));
    List<String> users = ids(execution.getVariableLocal("notifyUser"));
    if (template == null || template.isBlank() || (groups.isEmpty() && users.isEmpty())) {
      throw new IllegalArgumentException("BPMN element '" + execution.getCurrentActivityId() + "' must give the"
          + " input parameters notificationTemplate and notifyGroup or notifyUser");
    }
    notifications.send(new NotificationService.Notification(template.strip(), execution.getProcessBusinessKey(),
        groups, users, templateValues(execution), execution.getProcessInstanceId(),
        execution.getCurrentActivityId()));
  }

  private static List<String> ids(Object value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
  }

  private static Map<String, Object> templateValues(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    execution.getVariables().forEach((name, value) ->
        values.put(name, value instanceof Date date ? date.toInstant().toString() : value));
    return values;
  }
}
