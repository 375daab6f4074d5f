package org.itops.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.itops.platform.Links;
import org.itops.platform.ShownCodes;
import org.itops.platform.SuiteProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Mail from a template to the members of groups and to users (addresses from Camunda's identity), one mail per
 * recipient, each recorded in {@code notification_log}. A process asks for a mail with {@link #request}, which starts
 * {@code mail-delivery}; that process finds the {@link #recipients} and {@link #send}s to each in a job of its own.
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
      Collection<String> users, Map<String, ?> values, String processInstanceId, String activityId) {}

  private final JavaMailSender mailSender;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final NotificationRepository log;
  private final NotificationProperties properties;
  private final Links links;
  private final SuiteProperties suite;
  private final ShownCodes shownCodes;

  NotificationService(JavaMailSender mailSender, IdentityService identityService, RuntimeService runtimeService,
      NotificationRepository log, NotificationProperties properties, Links links, SuiteProperties suite, ShownCodes shownCodes) {
    this.mailSender = mailSender;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.log = log;
    this.properties = properties;
    this.links = links;
    this.suite = suite;
    this.shownCodes = shownCodes;
  }

  /**
   * Starts {@code mail-delivery} for the notification (business key: its record), with the values its template uses,
   * as text. Nothing is sent in the caller's transaction, and nothing here fails on the template or the recipients:
   * that is the delivery's to find out, where it retries and shows in Cockpit.
   */
  public void request(Notification notification) {
    Map<String, Object> variables = new HashMap<>();
    Set<String> used = MailTemplate.placeholdersOf(notification.template(), suite.language());
    notification.values().forEach((name, value) -> {
      if (used.contains(name)) {
        variables.put(name, value == null ? null : String.valueOf(value));
      }
    });
    variables.put(MailDeliveryProcess.Var.TEMPLATE, notification.template());
    variables.put(MailDeliveryProcess.Var.GROUPS, String.join(",", notification.groups()));
    variables.put(MailDeliveryProcess.Var.USERS, String.join(",", notification.users()));
    variables.put(MailDeliveryProcess.Var.SOURCE_PROCESS_INSTANCE, notification.processInstanceId());
    variables.put(MailDeliveryProcess.Var.SOURCE_ACTIVITY, notification.activityId());
    runtimeService.startProcessInstanceByKey(MailDeliveryProcess.KEY, notification.recordNumber(), variables);
  }

  /**
   * The users who receive the notification: the members of its groups and its users who have an address, one user
   * per address, in the order of the addresses.
   *
   * @throws IllegalStateException when a user does not exist or nobody has an e-mail address
   */
  public List<String> recipients(Notification notification) {
    Map<String, String> byAddress = new TreeMap<>();
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
   * Sends the notification to one user, at the address they have now (an address corrected in Admin counts at the
   * next retry), and records it.
   *
   * @throws IllegalArgumentException when the template is missing or uses a value that is not given
   * @throws IllegalStateException when the user has no e-mail address, or one that is not one valid address
   * @throws MailException when the SMTP server refuses the mail or the address, or cannot be reached
   */
  public void send(Notification notification, String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      throw new IllegalStateException("Cannot mail user '" + userId + "': no such user or no e-mail address. Add"
          + " the address in Admin, then retry.");
    }
    requireOneAddress(user);
    Map<String, Object> values = new HashMap<>();
    notification.values().forEach((name, value) -> values.put(name, shownCodes.shown(name, value)));
    values.put("recordNumber", notification.recordNumber());
    values.put("tasklistUrl", links.tasklist(notification.recordNumber()));
    MailTemplate.Rendered mail = MailTemplate.load(notification.template(), suite.language()).render(values);

    // recorded first: when the database cannot take it, no mail goes out; when SMTP fails, the record rolls back
    log.insert(new NotificationLog(null, notification.recordNumber(), notification.template(), user.getEmail(),
        mail.subject(), notification.processInstanceId(), notification.activityId(), Instant.now()));
    mailSender.send(mimeMessage -> {
      // UTF-8 throughout: a Chinese subject or name goes out RFC 2047 encoded, the body as UTF-8 text
      MimeMessageHelper message = new MimeMessageHelper(mimeMessage, StandardCharsets.UTF_8.name());
      message.setFrom(properties.from());
      message.setTo(new InternetAddress(user.getEmail(), fullName(user), StandardCharsets.UTF_8.name()));
      message.setSubject(mail.subject());
      message.setText(mail.body());
    });
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

  private static void addTo(Map<String, String> byAddress, User user) {
    if (user.getEmail() != null && !user.getEmail().isBlank()) {
      byAddress.putIfAbsent(user.getEmail(), user.getId());
    }
  }
}
