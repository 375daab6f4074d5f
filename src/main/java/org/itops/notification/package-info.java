/**
 * Mail to people: one {@link org.itops.notification.NotificationService}, one mail step that any BPMN can use
 * ({@code ${sendNotificationDelegate}}, which hands the mail to the {@code mail-delivery} process and lets its own
 * process go on), the delivery's steps (its recipients, then one retrying job per recipient), templates per event
 * under {@code src/main/resources/mail/}, and on the embedded default a dev mail server whose mailbox is readable at
 * {@code /mailbox}.
 */
package org.itops.notification;
