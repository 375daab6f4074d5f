/**
 * Mail to people: one {@link org.itops.notification.NotificationService}, one delegate that any BPMN can use
 * ({@code ${sendNotificationDelegate}}), templates per event under {@code src/main/resources/mail/}, and on
 * the embedded default a dev mail server whose mailbox is readable at {@code /mailbox}.
 */
package org.itops.notification;
