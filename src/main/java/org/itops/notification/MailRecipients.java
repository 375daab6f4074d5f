package org.itops.notification;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.itops.platform.ExpressionHelper;
import org.springframework.stereotype.Component;

/**
 * Who receives the mail of a {@code mail-delivery} instance: its multi-instance reads
 * {@code ${mailRecipients.of(execution)}}, in a job of its own, so that a group without addresses retries and then
 * shows as an incident. Public, so that the expression language can call {@link #of}.
 */
@ExpressionHelper
@Component("mailRecipients")
public class MailRecipients {

  private final NotificationService notifications;

  MailRecipients(NotificationService notifications) {
    this.notifications = notifications;
  }

  /** The user ids, one per address, in the order of their addresses. */
  public List<String> of(DelegateExecution execution) {
    NotificationService.Notification notification = MailDeliveryProcess.notification(execution);
    if (notification.template() == null || notification.template().isBlank()
        || (notification.groups().isEmpty() && notification.users().isEmpty())) {
      throw new IllegalArgumentException("The mail step '" + notification.activityId() + "' must give the input"
          + " parameters notificationTemplate and notifyGroup or notifyUser");
    }
    return notifications.recipients(notification);
  }
}
