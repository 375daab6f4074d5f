package org.itops.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itops.platform.Links;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends a mail from a template to the members of groups and to users (addresses from Camunda's identity),
 * and records it in {@code notification_log}.
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
   * @param processInstanceId the process instance that sends it, for the log; may be null
   * @param activityId the BPMN element that sends it, for the log; may be null
   */
  public record Notification(String template, String recordNumber, Collection<String> groups,
      Collection<String> users, Map<String, ?> values, String processInstanceId, String activityId) {}

  private final JavaMailSender mailSender;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final NotificationProperties properties;
  private final Links links;

  NotificationService(JavaMailSender mailSender, IdentityService identityService, JdbcTemplate jdbc,
      NotificationProperties properties, Links links) {
    this.mailSender = mailSender;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.properties = properties;
    this.links = links;
  }

  /**
   * Sends the notification.
   *
   * @throws IllegalArgumentException when the template is missing or uses a value that is not given
   * @throws IllegalStateException when none of the recipients has an e-mail address
   * @throws MailException when the SMTP server refuses or cannot be reached
   */
  public void send(Notification notification) {
    Set<String> addresses = addressesOf(notification);
    Map<String, Object> values = new HashMap<>(notification.values());
    values.put("recordNumber", notification.recordNumber());
    values.put("tasklistUrl", links.tasklist(notification.recordNumber()));
    MailTemplate.Rendered mail = MailTemplate.load(notification.template()).render(values);

    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.from());
    message.setTo(addresses.toArray(String[]::new));
    message.setSubject(mail.subject());
    message.setText(mail.body());
    mailSender.send(message);

    jdbc.update("insert into notification_log (record_number, template, recipients, subject, process_instance_id,"
            + " activity_id, sent_at) values (?, ?, ?, ?, ?, ?, ?)",
        notification.recordNumber(), notification.template(), String.join(", ", addresses), mail.subject(),
        notification.processInstanceId(), notification.activityId(), Timestamp.from(Instant.now()));
  }

  private Set<String> addressesOf(Notification notification) {
    Set<String> addresses = new TreeSet<>();
    for (String group : notification.groups()) {
      identityService.createUserQuery().memberOfGroup(group).unlimitedList().forEach(user -> addTo(addresses, user));
    }
    for (String userId : notification.users()) {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        throw new IllegalStateException("Cannot notify user '" + userId + "': no such user");
      }
      addTo(addresses, user);
    }
    if (addresses.isEmpty()) {
      throw new IllegalStateException("Nobody to notify: groups " + notification.groups() + " and users "
          + notification.users() + " have no member with an e-mail address. Add addresses in Admin, then retry.");
    }
    return addresses;
  }

  private static void addTo(Set<String> addresses, User user) {
    if (user.getEmail() != null && !user.getEmail().isBlank()) {
      addresses.add(user.getEmail());
    }
  }
}
