package org.itops.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itops.platform.CurrentUser;
import org.itops.platform.SuiteTime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The dev mailbox ({@code GET /mailbox}, log in as a suite user): the mail that the dev mail server received,
 * newest first; administrators see all of it, everyone else the mail sent to exactly their address. Users change their
 * own address in Admin: an address that another user has too shows nothing, so that nobody reads another's mail (a
 * security incident's, a demand's) by taking their address.
 */
@RestController
@ConditionalOnProperty("itops.mail.dev-server.enabled")
class MailboxController {

  private final GreenMail devMailServer;
  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final SuiteTime time;

  MailboxController(GreenMail devMailServer, IdentityService identityService, CurrentUser currentUser,
      SuiteTime time) {
    this.devMailServer = devMailServer;
    this.identityService = identityService;
    this.currentUser = currentUser;
    this.time = time;
  }

  @GetMapping(path = "/mailbox", produces = MediaType.TEXT_HTML_VALUE)
  String mailbox() throws MessagingException, IOException {
    boolean admin = currentUser.isAdministrator();
    String address = ownAddress();

    List<MimeMessage> messages = new ArrayList<>(Arrays.asList(devMailServer.getReceivedMessages()));
    Collections.reverse(messages);
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>ITOps dev mailbox</title>
        <style>body{font-family:sans-serif;margin:2em;max-width:60em}article{border:1px solid #ccc;
        border-radius:4px;padding:1em;margin:1em 0}pre{white-space:pre-wrap}.meta{color:#555}</style></head><body>
        <h1>Dev mailbox</h1>
        <p>Mail sent by the suite on the embedded default (kept in memory until the suite stops, the newest mails of each address).</p>
        """);
    html.append("<p class=\"meta\">").append(admin ? "All mail (you are an administrator)" : address == null
        ? "Your account has no mail address of its own (set one in Admin)"
        : "Mail to " + HtmlUtils.htmlEscape(address)).append("</p>");
    int shown = 0;
    for (MimeMessage message : messages) {
      String recipients = addresses(message.getAllRecipients());
      if (!admin && (address == null || !sentTo(message, address))) {
        continue;
      }
      shown++;
      html.append("<article><h2>").append(HtmlUtils.htmlEscape(String.valueOf(message.getSubject())))
          .append("</h2><p class=\"meta\">To ").append(HtmlUtils.htmlEscape(recipients))
          .append(" &middot; ").append(time.format(message.getSentDate())).append("</p><pre>")
          .append(HtmlUtils.htmlEscape(text(message))).append("</pre></article>");
    }
    if (shown == 0) {
      html.append("<p>No mail yet.</p>");
    }
    return html.append("</body></html>").toString();
  }

  /**
   * The current user's address, or null when they have none or share it with another user (counted by the suite, also
   * the users the caller may not look up).
   */
  private String ownAddress() {
    User user = identityService.createUserQuery().userId(currentUser.id()).singleResult();
    String address = user == null ? null : user.getEmail();
    if (address == null || address.isBlank()) {
      return null;
    }
    long holders = currentUser.asSystem(() -> identityService.createUserQuery().userEmail(address).count());
    return holders == 1 ? address : null;
  }

  private static String text(MimeMessage message) throws MessagingException, IOException {
    return message.getContent() instanceof String text ? text : GreenMailUtil.getBody(message);
  }

  /** Whether one of the message's recipients is exactly the address (not one that contains it). */
  private static boolean sentTo(MimeMessage message, String address) throws MessagingException {
    Address[] recipients = message.getAllRecipients();
    return recipients != null && Arrays.stream(recipients)
        .anyMatch(recipient -> recipient instanceof InternetAddress internet && address.equals(internet.getAddress()));
  }

  private static String addresses(Address[] addresses) {
    // as people read them: names decoded from their RFC 2047 form
    return addresses == null ? "" : String.join(", ", Arrays.stream(addresses)
        .map(address -> address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString())
        .toList());
  }
}
