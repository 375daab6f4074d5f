package org.itops.notification;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.itops.platform.ExpressionHelper;
import org.springframework.stereotype.Component;

/**
 * Who receives the mail of a {@code mail-delivery} instance started before 2026-12, whose multi-instance reads
 * {@code ${mailRecipients.of(execution)}} in a job of its own and then sends to each in a job per recipient
 * ({@link DeliverMailDelegate}). The current version finds them in its one job; this stays while instances of the
 * old version may wait for a retry in Cockpit after an upgrade. Public, so that the expression language can call
 * {@link #of}.
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
    return notifications.recipients(MailDeliveryProcess.notification(execution)).stream().map(User::getId).toList();
  }
}
