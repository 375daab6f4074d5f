package org.itops.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itops.attachment.Attachments;
import org.itops.platform.CurrentUser;
import org.itops.platform.IdempotencyKeys;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.LimitExceededException;
import org.itops.platform.ReadRules;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Component;

/**
 * What a mail to the service desk does: a reply whose subject carries {@code [INC-000123]} comments on that
 * incident (and answers the engineer's question if it waits for one and the mail is from the incident's reporter);
 * any other mail from a user of the suite reports an incident. The mail's files become the incident's attachments.
 * Mail from unknown senders, or from an address that several users have, is refused.
 */
@Component
class IncidentMailHandler implements MailIntake.Handler {

  private static final Pattern INCIDENT_NUMBER = Pattern.compile("\\[(INC-\\d{6,})]");

  private final IncidentService incidents;
  private final IdempotencyKeys idempotencyKeys;
  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final MailIntakeProperties properties;
  private final Attachments attachments;
  private final Timeline timeline;
  private final ReadRules readRules;

  IncidentMailHandler(IncidentService incidents, IdempotencyKeys idempotencyKeys, IdentityService identityService,
      CurrentUser currentUser, MailIntakeProperties properties, Attachments attachments, Timeline timeline,
      ReadRules readRules) {
    this.incidents = incidents;
    this.idempotencyKeys = idempotencyKeys;
    this.identityService = identityService;
    this.currentUser = currentUser;
    this.properties = properties;
    this.attachments = attachments;
    this.timeline = timeline;
    this.readRules = readRules;
  }

  @Override
  public String handle(IncomingMail mail) {
    User sender = senderOf(mail);
    String subject = mail.subject() == null || mail.subject().isBlank() ? "(no subject)" : mail.subject().strip();
    Matcher reply = INCIDENT_NUMBER.matcher(subject);
    return idempotencyKeys.createOnce("mail", "mail-intake", mail.messageId(), fingerprint(mail), () -> {
      String number;
      if (reply.find()) {
        number = reply.group(1);
        incidents.replyByMail(number, sender.getId(), mail.body());
      } else {
        IncidentReport report = new IncidentReport(shorten(subject, IncidentReport.MAX_TITLE),
            shorten(mail.body(), IncidentReport.MAX_TEXT), "low", "medium", properties.defaultCategory(), null, null,
            sender.getId(), null);
        number = currentUser.asSystem(() -> incidents.report(report, "mail"));
      }
      keepAttachments(number, mail, sender);
      return number;
    }).recordNumber();
  }

  /**
   * The mail's files become the incident's attachments, if the sender reads the incident as the API would have them
   * (a reply from anybody else stays on the timeline only); a file over a limit is left out. The timeline says which
   * files were left out, and why.
   */
  private void keepAttachments(String number, IncomingMail mail, User sender) {
    boolean senderReads = mail.attachments().isEmpty()
        || currentUser.asUser(sender.getId(), () -> readRules.reads(number));
    for (IncomingMail.File file : mail.attachments()) {
      if (!senderReads) {
        timeline.record(number, "ATTACHMENT_SKIPPED", "timeline.incident.attachmentNotRead", file.name(),
            sender.getId(), number);
        continue;
      }
      try {
        attachments.add(number, file.name(), file.content(), sender.getId());
      } catch (LimitExceededException | InvalidRequestException refused) {
        timeline.record(number, "ATTACHMENT_SKIPPED", "timeline.labelled", file.name(), refused.getMessage());
      }
    }
  }

  /**
   * The one user whose address sent the mail. An address that several users have says nobody: the mail could be
   * any one's (a user may give themselves someone else's address in their profile), so it is refused.
   */
  private User senderOf(IncomingMail mail) {
    List<User> users = identityService.createUserQuery().userEmail(mail.from()).unlimitedList();
    if (users.isEmpty()) {
      throw new InvalidRequestException("from", "reason.mail.unknownSender", mail.from());
    }
    if (users.size() > 1) {
      throw new InvalidRequestException("from", "reason.mail.sharedAddress", mail.from(), users.size());
    }
    return users.get(0);
  }

  private static String fingerprint(IncomingMail mail) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
          (mail.from() + "\n" + mail.subject() + "\n" + mail.body()).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String shorten(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
