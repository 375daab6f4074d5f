package org.itops.notification;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Names of {@code processes/notification/mail-delivery.bpmn} used from Java (NotificationTest checks them), and the
 * notification that an instance carries.
 */
final class MailDeliveryProcess {

  static final String KEY = "mail-delivery";

  static final class Element {
    static final String SEND = "sendMail";

    private Element() {}
  }

  /**
   * The variables of an instance: the calling step's input parameters under their own names, where it came from,
   * and, under their names, the values of the calling process that the template uses.
   */
  static final class Var {
    static final String TEMPLATE = "notificationTemplate";
    static final String GROUPS = "notifyGroup";
    static final String USERS = "notifyUser";
    static final String SOURCE_PROCESS_INSTANCE = "sourceProcessInstanceId";
    static final String SOURCE_ACTIVITY = "sourceActivityId";
    /**
     * The id under which the recipients served are logged: the mail's in the outbox ({@link MailOutbox}), whose
     * first attempt may have served some; none in instances started before the outbox, which log under their own id.
     */
    static final String DELIVERY = "deliveryId";
    /** The user whom one job of the version before 2026-12 sends to (its multi-instance's element). */
    static final String RECIPIENT_BEFORE_2026_12 = "recipient";

    private Var() {}
  }

  private MailDeliveryProcess() {}

  /**
   * The notification that the instance of {@code execution} delivers.
   *
   * @throws IllegalArgumentException when the calling mail step gave no template or nobody to send to
   */
  static NotificationService.Notification notification(DelegateExecution execution) {
    NotificationService.Notification notification = new NotificationService.Notification(
        (String) execution.getVariable(Var.TEMPLATE), execution.getProcessBusinessKey(),
        ids(execution.getVariable(Var.GROUPS)), ids(execution.getVariable(Var.USERS)), execution.getVariables(),
        (String) execution.getVariable(Var.SOURCE_PROCESS_INSTANCE), (String) execution.getVariable(Var.SOURCE_ACTIVITY));
    if (notification.template() == null || notification.template().isBlank()
        || (notification.groups().isEmpty() && notification.users().isEmpty())) {
      throw new IllegalArgumentException("The mail step '" + notification.activityId() + "' must give the input"
          + " parameters notificationTemplate and notifyGroup or notifyUser");
    }
    return notification;
  }

  /** Comma-separated ids, as the calling steps give groups and users. */
  static List<String> ids(Object value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
  }
}
