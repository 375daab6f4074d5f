package org.itops.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.CallsOutside;
import org.springframework.stereotype.Component;

/**
 * Sends the mail of a {@code mail-delivery} instance to one recipient (the multi-instance's {@code recipient}): one
 * job per recipient, so that a failure holds back that recipient only and a retry sends to nobody already served.
 */
@Component("deliverMailDelegate")
@CallsOutside
class DeliverMailDelegate implements JavaDelegate {

  private final NotificationService notifications;

  DeliverMailDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.send(MailDeliveryProcess.notification(execution),
        (String) execution.getVariableLocal(MailDeliveryProcess.Var.RECIPIENT));
  }
}
