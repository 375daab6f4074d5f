package org.itops.notification;

import java.time.Instant;

/**
 * A mail the suite sent: to whom, about which record, from which process step, by which {@code mail-delivery}
 * instance ({@code deliveryId}); the database numbers it.
 */
record NotificationLog(Long id, String recordNumber, String template, String recipients, String subject,
    String processInstanceId, String activityId, Instant sentAt, String deliveryId) {}
