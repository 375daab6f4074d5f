package org.itops;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.List;

/**
 * The mail servers of the tests: a GreenMail SMTP server that the suite under test sends to (application-test.yaml)
 * and the IMAP mailbox of the mail intake. Their ports are system properties so that two builds on one machine
 * (two checkouts) do not take each other's ports: {@code -Ditops.test.smtp-port=4925 -Ditops.test.imap-port=4143}.
 */
public final class TestMail {

  public static final int SMTP_PORT = Integer.getInteger("itops.test.smtp-port", 3925);
  public static final int IMAP_PORT = Integer.getInteger("itops.test.imap-port", 3143);

  /** A GreenMail SMTP server on {@link #SMTP_PORT}, for {@code @RegisterExtension}. */
  public static GreenMailExtension smtp() {
    return new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  /** The subjects of every mail the server received. */
  public static List<String> subjects(GreenMailExtension smtp) {
    return Arrays.stream(smtp.getReceivedMessages()).map(TestMail::subject).toList();
  }

  public static String subject(Message message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private TestMail() {}
}
