package org.itops.incident;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.itops.platform.IdempotencyKeys;
import org.itops.platform.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads the service desk's mailbox over IMAP. Each mail is handled in a transaction of its own and then moved to
 * the processed folder; a mail that is refused (unknown sender, a domain not accepted, a Message-ID that a different
 * mail had) or unreadable goes to the error folder and is logged; a mail whose handling fails otherwise (the
 * database is down) stays and is read again at the next poll, where its Message-ID keeps it from being handled twice.
 */
@Component
class MailIntake {

  private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);
  /** A file is read from the server in pieces of this size. */
  private static final int FETCH_BYTES = 1024 * 1024;

  /** Handles one mail; throws {@link InvalidRequestException} to refuse it. */
  interface Handler {
    String handle(IncomingMail mail);
  }

  /** What a poll did. */
  record Poll(int handled, int refused, int left) {}

  private final MailIntakeProperties properties;
  private final Handler handler;
  private final MeterRegistry meters;

  @Autowired
  MailIntake(MailIntakeProperties properties, IncidentMailHandler handler, MeterRegistry meters) {
    this(properties, (Handler) handler, meters);
  }

  MailIntake(MailIntakeProperties properties, Handler handler, MeterRegistry meters) {
    this.properties = properties;
    this.handler = handler;
    this.meters = meters;
  }

  Poll poll() {
    Session session = Session.getInstance(sessionProperties(properties));
    int handled = 0;
    int refused = 0;
    int left = 0;
    try (Store store = session.getStore(properties.protocol())) {
      store.connect(properties.host(), properties.port(), properties.username(), properties.password());
      Folder inbox = store.getFolder(properties.folder());
      inbox.open(Folder.READ_WRITE);
      Folder processed = ensureFolder(store, properties.processedFolder());
      Folder errors = ensureFolder(store, properties.errorFolder());
      Message[] messages = inbox.getMessages();
      for (int i = 0; i < messages.length && i < properties.maxPerPoll(); i++) {
        Message message = messages[i];
        IncomingMail mail;
        try {
          mail = read(message);
        } catch (MessagingException | IOException | RuntimeException unreadable) {
          LOG.warn("Mail {} cannot be read and goes to {}: {}", i + 1, properties.errorFolder(), unreadable.toString());
          move(inbox, message, errors);
          meters.counter("itops.mail.intake", "result", "unreadable").increment();
          refused++;
          continue;
        }
        try {
          requireAcceptedDomain(mail.from());
          String number = handler.handle(mail);
          move(inbox, message, processed);
          meters.counter("itops.mail.intake", "result", "handled").increment();
          LOG.info("Mail {} from {} handled: {}", mail.messageId(), mail.from(), number);
          handled++;
        } catch (InvalidRequestException | IdempotencyKeys.KeyReusedException refusal) {
          // a Message-ID that an earlier, different mail had is refused too: read again, it would fail again
          LOG.warn("Mail {} from {} refused and moved to {}: {}", mail.messageId(), mail.from(),
              properties.errorFolder(), refusal.getMessage());
          move(inbox, message, errors);
          meters.counter("itops.mail.intake", "result", "refused").increment();
          refused++;
        } catch (RuntimeException failure) {
          LOG.warn("Mail {} from {} could not be handled now; it stays for the next poll", mail.messageId(),
              mail.from(), failure);
          left++;
        }
      }
      inbox.close(true);
    } catch (MessagingException e) {
      LOG.warn("The mailbox {}@{} cannot be read now; next poll in {}", properties.username(), properties.host(),
          properties.pollInterval(), e);
    }
    return new Poll(handled, refused, left);
  }

  /**
   * Jakarta Mail waits for an IMAP server without end and reads a file in pieces of 16 KiB unless told: a server
   * that stops answering would hold the intake for good, and a file of 10 MiB took 47 s in hundreds of round trips
   * to the tests' IMAP server (2 s in pieces of 1 MiB).
   */
  private static Properties sessionProperties(MailIntakeProperties properties) {
    String prefix = "mail." + properties.protocol() + ".";
    String timeout = String.valueOf(properties.timeout().toMillis());
    Properties session = new Properties();
    session.setProperty(prefix + "connectiontimeout", timeout);
    session.setProperty(prefix + "timeout", timeout);
    session.setProperty(prefix + "fetchsize", String.valueOf(FETCH_BYTES));
    return session;
  }

  /** Refuses an address outside the domains of {@code accepted-domains}; any address when that list is empty. */
  private void requireAcceptedDomain(String address) {
    String domain = address.substring(address.lastIndexOf('@') + 1);
    if (!properties.acceptedDomains().isEmpty()
        && properties.acceptedDomains().stream().noneMatch(accepted -> accepted.equalsIgnoreCase(domain))) {
      throw new InvalidRequestException("from", "reason.mail.domain", domain, properties.acceptedDomains());
    }
  }

  private static Folder ensureFolder(Store store, String name) throws MessagingException {
    Folder folder = store.getFolder(name);
    if (!folder.exists()) {
      folder.create(Folder.HOLDS_MESSAGES);
    }
    return folder;
  }

  private static void move(Folder from, Message message, Folder to) {
    try {
      from.copyMessages(new Message[] {message}, to);
      message.setFlag(Flags.Flag.DELETED, true);
    } catch (MessagingException e) {
      // the mail stays in the inbox; its Message-ID keeps the next poll from handling it twice
      LOG.warn("Could not move a mail to {}", to.getName(), e);
    }
  }

  static IncomingMail read(Message message) throws MessagingException, IOException {
    Address[] from = message.getFrom();
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)) {
      throw new MessagingException("no sender");
    }
    List<IncomingMail.File> attachments = new ArrayList<>();
    String body = text(message, attachments);
    String[] ids = message.getHeader("Message-ID");
    String messageId = ids != null && ids.length > 0 ? ids[0] : fingerprint(sender.getAddress(), message.getSubject(), body);
    return new IncomingMail(messageId, sender.getAddress().toLowerCase(), printable(message.getSubject()),
        body == null ? "" : printable(body), attachments);
  }

  /**
   * The text without control characters other than tabs and line breaks: nobody means them, and PostgreSQL refuses
   * NUL, which would leave the mail in the inbox at every poll.
   */
  private static String printable(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder printable = new StringBuilder(text.length());
    text.chars().filter(c -> !Character.isISOControl(c) || c == '\t' || c == '\n' || c == '\r')
        .forEach(c -> printable.append((char) c));
    return printable.toString();
  }

  /**
   * The text of the mail (the plain part, else the HTML part without tags); its files are collected, to be read
   * from the mailbox while the mail is handled.
   */
  private static String text(Part part, List<IncomingMail.File> attachments) throws MessagingException, IOException {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
      attachments.add(new IncomingMail.File(fileName(part), () -> {
        try {
          return part.getInputStream();
        } catch (MessagingException e) {
          throw new IOException("Cannot read the attachment from the mailbox", e);
        }
      }));
      return null;
    }
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("text/html")) {
      return HtmlText.of(String.valueOf(part.getContent()));
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      String plain = null;
      String other = null;
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String text = text(child, attachments);
        if (text != null && child.isMimeType("text/plain") && plain == null) {
          plain = text;
        } else if (text != null && other == null) {
          other = text;
        }
      }
      return plain != null ? plain : other;
    }
    return null;
  }

  /** The file's name; an RFC 2047 encoded name (as many mail programs send Chinese names) decoded. */
  private static String fileName(Part part) throws MessagingException {
    String name = part.getFileName();
    if (name == null || name.isBlank()) {
      return "attachment";
    }
    try {
      return printable(MimeUtility.decodeText(name));
    } catch (java.io.UnsupportedEncodingException unknownCharset) {
      return printable(name);
    }
  }

  private static String fingerprint(String from, String subject, String body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((from + "\n" + subject + "\n" + body)
          .getBytes(StandardCharsets.UTF_8));
      return "<sha256-" + HexFormat.of().formatHex(digest) + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
