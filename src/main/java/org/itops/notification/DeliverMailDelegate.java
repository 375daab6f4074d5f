package org.itops.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.CallsOutside;
import org.springframework.stereotype.Component;

/**
 * Sends the mail of a {@code mail-delivery} instance to its recipients not yet served, in the instance's one job: a
 * recipient whose mail fails holds back no other, and a retry sends to nobody already served
 * ({@link NotificationService#deliver}).
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
    NotificationService.Notification notification = MailDeliveryProcess.notification(execution);
    Object oneRecipient = execution.getVariableLocal(MailDeliveryProcess.Var.RECIPIENT_BEFORE_2026_12);
    if (oneRecipient != null) {
      // the job of one recipient, in an instance of the version before 2026-12 (MailRecipients): to that user only
      notification = notification.toUserOnly((String) oneRecipient);
    }
    Object deliveryId = execution.getVariable(MailDeliveryProcess.Var.DELIVERY);
    notifications.deliver(notification, deliveryId != null ? (String) deliveryId : execution.getProcessInstanceId());
  }
}
