package org.itops.incident;

import java.util.List;
import org.itops.attachment.Attachments;

/**
 * A mail to the service desk, as read from the mailbox.
 *
 * @param messageId its Message-ID: a mail read twice (a move that failed) is recognised by it
 * @param attachments its files (attachments and inline parts with a file name), read from the mailbox when stored
 */
record IncomingMail(String messageId, String from, String subject, String body, List<File> attachments) {

  /** A file of the mail: its name as the sender's program gave it, and its decoded content. */
  record File(String name, Attachments.Content content) {}
}
