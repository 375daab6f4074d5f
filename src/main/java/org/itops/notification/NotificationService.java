package org.itops.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itops.platform.Links;
import org.itops.platform.ShownCodes;
import org.itops.platform.SuiteProperties;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail from a template to the members of groups and to users (addresses from Camunda's identity), one mail per
 * recipient, each recorded in {@code notification_log}. A process asks for a mail with {@link MailOutbox#request};
 * the outbox's sender, and for a mail that failed there the job of a {@code mail-delivery} instance, find the
 * {@link #recipients} and {@link #deliver} to each.
 */
@Service
public class NotificationService {

  /**
   * What to send, to whom, about which record.
   *
   * @param template the template name, {@code mail/<template>.txt}
   * @param recordNumber the record the mail is about (the business key), may be null
   * @param groups groups whose members receive the mail
   * @param users users who receive the mail
   * @param values the values the template may use besides {@code recordNumber} and {@code tasklistUrl}
   * @param processInstanceId the process instance that asks for it, for the log; may be null
   * @param activityId the BPMN element that asks for it, for the log; may be null
   */
  public record Notification(String template, String recordNumber, Collection<String> groups,
      Collection<String> users, Map<String, ?> values, String processInstanceId, String activityId) {

    /** The same mail, to that one user only. */
    Notification toUserOnly(String userId) {
      return new Notification(template, recordNumber, List.of(), List.of(userId), values, processInstanceId, activityId);
    }
  }

  /** A mail sent about a record to one recipient: when, and which template. */
  public record Sent(Instant at, String template) {}

  private final JavaMailSender mailSender;
  private final IdentityService identityService;
  private final NotificationRepository log;
  private final NotificationProperties properties;
  private final Links links;
  private final SuiteProperties suite;
  private final ShownCodes shownCodes;
  private final TransactionTemplate inNewTransaction;

  NotificationService(JavaMailSender mailSender, IdentityService identityService, NotificationRepository log,
      NotificationProperties properties, Links links, SuiteProperties suite, ShownCodes shownCodes,
      PlatformTransactionManager transactionManager) {
    this.mailSender = mailSender;
    this.identityService = identityService;
    this.log = log;
    this.properties = properties;
    this.links = links;
    this.suite = suite;
    this.shownCodes = shownCodes;
    this.inNewTransaction = new TransactionTemplate(transactionManager);
    this.inNewTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The mails sent about the record, one per recipient, the oldest first. */
  public List<Sent> sentAbout(String recordNumber) {
    return log.sentAbout(recordNumber);
  }

  /**
   * The users who receive the notification: the members of its groups and its users who have an address, one user
   * per address, in the order of the addresses.
   *
   * @throws IllegalStateException when a user does not exist or nobody has an e-mail address
   */
  public List<User> recipients(Notification notification) {
    Map<String, User> byAddress = new TreeMap<>();
    for (String group : notification.groups()) {
      identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().unlimitedList()
          .forEach(user -> addTo(byAddress, user));
    }
    for (String userId : notification.users()) {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        throw new IllegalStateException("Cannot notify user '" + userId + "': no such user");
      }
      addTo(byAddress, user);
    }
    if (byAddress.isEmpty()) {
      throw new IllegalStateException("Nobody to notify: groups " + notification.groups() + " and users "
          + notification.users() + " have no member with an e-mail address. Add addresses in Admin, then retry.");
    }
    return List.copyOf(byAddress.values());
  }

  /**
   * Sends the notification to each recipient not yet served under the delivery's id, at the address they have now
   * (an address corrected in Admin counts at the next retry), over one connection to the mail server, and records
   * each mail under that id. A recipient whose mail fails does not hold back the others: when any fails, the
   * mails that went out are recorded in a transaction of their own and this throws, naming those not served and why,
   * so that the sender hands the mail to {@code mail-delivery}, whose job retries (and then shows in Cockpit), and a
   * retry sends to them only.
   *
   * @throws IllegalArgumentException when the template is missing or uses a value that is not given
   * @throws IllegalStateException when nobody can be notified, or when the mail failed for a recipient: no address,
   *     one that is not one valid address, refused by the SMTP server, or the server not reached
   */
  public void deliver(Notification notification, String deliveryId) {
    Set<String> served = log.addressesServedBy(deliveryId);
    Map<String, Object> values = new HashMap<>();
    notification.values().forEach((name, value) -> values.put(name, shownCodes.shown(name, value)));
    values.put("recordNumber", notification.recordNumber());
    values.put("tasklistUrl", links.tasklist(notification.recordNumber()));
    MailTemplate.Rendered mail = MailTemplate.load(notification.template(), suite.language()).render(values);

    // why each recipient not served was not, the users in the order of their addresses
    Map<String, String> failures = new LinkedHashMap<>();
    Map<MimeMessage, Outgoing> toSend = new LinkedHashMap<>();
    for (User user : recipients(notification)) {
      if (served.contains(user.getEmail())) {
        continue;
      }
      try {
        toSend.put(message(user, mail), new Outgoing(user.getId(), new NotificationLog(null,
            notification.recordNumber(), notification.template(), user.getEmail(), mail.subject(),
            notification.processInstanceId(), notification.activityId(), Instant.now(), deliveryId)));
      } catch (IllegalStateException | MessagingException | UnsupportedEncodingException notOneAddress) {
        failures.put(user.getId(), notOneAddress.getMessage());
      }
    }
    // recorded first: when the database cannot take them, no mail goes out; when one fails, its record rolls back
    toSend.values().forEach(outgoing -> log.insert(outgoing.record()));
    Map<MimeMessage, String> failed = send(toSend.keySet());
    List<NotificationLog> sent = new ArrayList<>();
    toSend.forEach((message, outgoing) -> {
      if (failed.containsKey(message)) {
        failures.put(outgoing.userId(), failed.get(message));
      } else {
        sent.add(outgoing.record());
      }
    });
    if (!failures.isEmpty()) {
      // the caller's transaction rolls back with the exception below: the recipients served stay recorded
      inNewTransaction.executeWithoutResult(status -> sent.forEach(log::insert));
      throw new IllegalStateException("Mail '" + notification.template() + "' not sent to " + failures.size() + " of "
          + (failures.size() + sent.size() + served.size()) + " recipients, a retry sends to them only. "
          + failures.keySet().stream().collect(Collectors.groupingBy(failures::get, LinkedHashMap::new,
              Collectors.joining(", "))).entrySet().stream()
              .map(reason -> "Not sent to " + reason.getValue() + ": " + reason.getKey())
              .collect(Collectors.joining(" ")));
    }
  }

  /** A mail to send and its record: to whom and, once it is sent, the row of the log. */
  private record Outgoing(String userId, NotificationLog record) {}

  /**
   * Sends the mails over one connection to the SMTP server; answers why each that failed did (every one when the
   * server could not be reached).
   */
  private Map<MimeMessage, String> send(Collection<MimeMessage> mails) {
    try {
      mailSender.send(mails.toArray(MimeMessage[]::new));
      return Map.of();
    } catch (MailSendException failed) {
      Map<MimeMessage, String> reasons = new HashMap<>();
      // a connection failure is the cause of the whole; a refused mail is one entry of the failed messages
      String serverUnreachable = failed.getCause() == null ? null
          : "Mail server connection failed (" + failed.getCause().getMessage() + ")";
      failed.getFailedMessages().forEach((mail, why) ->
          reasons.put((MimeMessage) mail, serverUnreachable != null ? serverUnreachable : why.getMessage()));
      return reasons;
    }
  }

  /**
   * The mail to one user, to the address of their profile.
   *
   * @throws IllegalStateException when the address is not one valid address
   */
  private MimeMessage message(User user, MailTemplate.Rendered mail)
      throws MessagingException, UnsupportedEncodingException {
    requireOneAddress(user);
    MimeMessage mimeMessage = mailSender.createMimeMessage();
    // UTF-8 throughout: a Chinese subject or name goes out RFC 2047 encoded, the body as UTF-8 text
    MimeMessageHelper message = new MimeMessageHelper(mimeMessage, StandardCharsets.UTF_8.name());
    message.setFrom(properties.from());
    message.setTo(new InternetAddress(user.getEmail(), fullName(user), StandardCharsets.UTF_8.name()));
    message.setSubject(mail.subject());
    message.setText(mail.body());
    return mimeMessage;
  }

  /** The name people know the user by, as the To header shows it; null for a user without one. */
  private static String fullName(User user) {
    String name = (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).strip();
    return name.isEmpty() ? null : name;
  }

  /** A profile's address is one address, or this user's mail fails with a message that says whose and why. */
  private static void requireOneAddress(User user) {
    try {
      InternetAddress[] addresses = InternetAddress.parse(user.getEmail(), true);
      if (addresses.length != 1) {
        throw new AddressException("more than one address");
      }
      addresses[0].validate();
    } catch (AddressException invalid) {
      throw new IllegalStateException("Cannot mail user '" + user.getId() + "': '" + user.getEmail() + "' is not one"
          + " valid e-mail address (" + invalid.getMessage() + "). Correct it in Admin, then retry.");
    }
  }

  private static void addTo(Map<String, User> byAddress, User user) {
    if (user.getEmail() != null && !user.getEmail().isBlank()) {
      byAddress.putIfAbsent(user.getEmail(), user);
    }
  }
}
