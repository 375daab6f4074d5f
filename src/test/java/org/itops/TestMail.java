package org.itops;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

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

  /** The To addresses of every mail the server received (GreenMail keeps a copy per recipient). */
  public static List<List<String>> recipients(GreenMailExtension smtp) {
    return Arrays.stream(smtp.getReceivedMessages()).map(TestMail::recipientsOf).toList();
  }

  /** The addressees of all mails whose subject matches: the suite sends one mail per recipient. */
  public static List<String> addressees(GreenMailExtension smtp, Predicate<String> subject) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> subject.test(subject(message)))
        .flatMap(message -> recipientsOf(message).stream()).toList();
  }

  /** The To addresses of the mail (without the names that go with them). */
  public static List<String> recipientsOf(Message message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .map(address -> ((InternetAddress) address).getAddress()).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
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
