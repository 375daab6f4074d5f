package org.itops.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.itops.notification.DevMailServerConfiguration.DevMailboxLimit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dev mail server keeps the newest mails of each address, so that its memory does not grow without end. */
class DevMailboxLimitTest {

  private final GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @BeforeEach
  void start() {
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void eachAddressKeepsItsNewestMails() throws Exception {
    for (int i = 1; i <= 4; i++) {
      send("desk@example.org", "Desk " + i);
    }
    send("engineer@example.org", "Engineer 1");

    new DevMailboxLimit(server, 2).removeOldest();

    assertThat(subjects()).containsExactlyInAnyOrder("Desk 3", "Desk 4", "Engineer 1");
    send("desk@example.org", "Desk 5");
    assertThat(subjects()).as("a new mail still arrives").contains("Desk 5");
    new DevMailboxLimit(server, 2).removeOldest();
    assertThat(subjects()).containsExactlyInAnyOrder("Desk 4", "Desk 5", "Engineer 1");
  }

  @Test
  void mailArrivingWhileOldMailIsRemovedIsNoError() throws Exception {
    GreenMailUser desk = server.setUser("desk@example.org", "desk", "desk");
    int arrivals = 5_000;
    Thread arriving = new Thread(() -> {
      for (int i = 1; i <= arrivals; i++) {
        desk.deliver(GreenMailUtil.createTextEmail("desk@example.org", "itops@localhost", "Mail " + i, "Body",
            server.getSmtp().getServerSetup())); // as fast as the server takes them, without SMTP
      }
    });
    arriving.start();
    DevMailboxLimit limit = new DevMailboxLimit(server, 5);
    while (arriving.isAlive()) {
      limit.removeOldest(); // it read the folder's live list and failed while a mail arrived
    }
    arriving.join();
    limit.removeOldest();

    assertThat(subjects()).containsExactly("Mail 4996", "Mail 4997", "Mail 4998", "Mail 4999", "Mail 5000");
  }

  @Test
  void aLimitBelowOneIsRefusedAtStart() {
    assertThatThrownBy(() -> new NotificationProperties.DevServer(true, 3025, 0))
        .hasMessageContaining("itops.mail.dev-server.keep-per-address must be 1 or more");
  }

  private void send(String to, String subject) {
    GreenMailUtil.sendTextEmail(to, "itops@localhost", subject, "Body of " + subject,
        new ServerSetup(server.getSmtp().getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  private List<String> subjects() {
    return Arrays.stream(server.getReceivedMessages()).map(DevMailboxLimitTest::subject).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
