/**
 * Mail to people: one {@link org.itops.notification.NotificationService}, one mail step that any BPMN can use
 * ({@code ${sendNotificationDelegate}}, which writes the mail to the {@link org.itops.notification.MailOutbox} and lets
 * its own process go on; the outbox sends it after the commit), the {@code mail-delivery} process of a mail that
 * failed (one retrying job, then an incident in Cockpit), templates per event
 * under {@code src/main/resources/mail/}, and on the embedded default a dev mail server whose mailbox is readable at
 * {@code /mailbox}.
 */
package org.itops.notification;
