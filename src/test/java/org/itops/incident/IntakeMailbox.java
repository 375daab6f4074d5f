package org.itops.incident;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.itops.TestMail;

/**
 * The service desk's mailbox that the mail intake reads in the tests: GreenMail with IMAP (what the suite polls) and
 * SMTP (what the suite's receipts go to, and what the tests send with), on the build's ports ({@link TestMail}).
 */
final class IntakeMailbox {

  static final String ADDRESS = "servicedesk@itops.localhost";
  private static final String PASSWORD = "servicedesk";
  private static final ServerSetup SMTP = new ServerSetup(TestMail.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
  private static final ServerSetup IMAP = new ServerSetup(TestMail.IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);

  private IntakeMailbox() {}

  /** The servers, for {@code @RegisterExtension}; the mailbox's user is the one application-test.yaml polls. */
  static GreenMailExtension servers() {
    return new GreenMailExtension(new ServerSetup[] {SMTP, IMAP})
        .withConfiguration(GreenMailConfiguration.aConfig().withUser(ADDRESS, ADDRESS, PASSWORD));
  }

  /** Sends a plain mail to the mailbox over SMTP. */
  static void send(String from, String subject, String body) {
    GreenMailUtil.sendTextEmail(ADDRESS, from, subject, body, SMTP);
  }

  /** A plain mail to the mailbox, for {@link #deliver} after setting headers or content of one's own. */
  static MimeMessage message(String from, String subject, String body) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(ADDRESS));
    message.setSubject(subject);
    message.setText(body);
    return message;
  }

  /** Puts the message into the inbox as it is (headers such as Message-ID included). */
  static void deliver(GreenMailExtension servers, MimeMessage message) {
    servers.getUserManager().getUserByEmail(ADDRESS).deliver(message);
  }

  /** How many mails the folder holds (0 when it does not exist), read over IMAP. */
  static int count(String folderName) throws Exception {
    try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
      store.connect("127.0.0.1", TestMail.IMAP_PORT, ADDRESS, PASSWORD);
      Folder folder = store.getFolder(folderName);
      if (!folder.exists()) {
        return 0;
      }
      folder.open(Folder.READ_ONLY);
      int count = folder.getMessageCount();
      folder.close(false);
      return count;
    }
  }
}
