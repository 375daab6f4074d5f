package org.itops.notification;

import java.time.Instant;

/**
 * A mail the suite sent: to whom, about which record, from which process step, as which delivery ({@code deliveryId}:
 * the mail's id in the outbox, or an older {@code mail-delivery} instance's id); the database numbers it.
 */
record NotificationLog(Long id, String recordNumber, String template, String recipients, String subject,
    String processInstanceId, String activityId, Instant sentAt, String deliveryId) {}
