package org.itops.incident;

import java.util.List;

/**
 * A mail to the service desk, as read from the mailbox.
 *
 * @param messageId its Message-ID: a mail read twice (a move that failed) is recognised by it
 * @param attachments the names and sizes of its attachments
 */
record IncomingMail(String messageId, String from, String subject, String body, List<String> attachments) {}
