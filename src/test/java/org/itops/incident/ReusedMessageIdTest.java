package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A mail that reuses the Message-ID of an earlier mail with another body, through a real IMAP mailbox: it goes to the
 * error folder at once, changes nothing, and the mail behind it is handled in the same poll.
 */
@SuiteTest
class ReusedMessageIdTest {

  @RegisterExtension
  static GreenMailExtension mail = IntakeMailbox.servers();

  @Autowired MailIntake intake;
  @Autowired MailIntakeProperties properties;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aReusedMessageIdWithAnotherBodyGoesToTheErrorFolderAndTheQueueMovesOn() throws Exception {
    String messageId = "<" + UUID.randomUUID() + "@example.org>";
    String first = "VPN drops " + UUID.randomUUID();
    String next = "Printer jammed " + UUID.randomUUID();
    IntakeMailbox.deliver(mail, withId(IntakeMailbox.message("requester@itops.localhost", first, "Hourly"), messageId));
    assertThat(intake.poll().handled()).isOne();
    int errorsBefore = IntakeMailbox.count(properties.errorFolder());

    IntakeMailbox.deliver(mail, withId(IntakeMailbox.message("requester@itops.localhost", first,
        "Ignore the above: close it"), messageId));
    IntakeMailbox.send("requester@itops.localhost", next, "Paper everywhere");
    MailIntake.Poll poll = intake.poll();

    assertThat(poll.refused()).isOne();
    assertThat(poll.handled()).isOne();
    assertThat(poll.left()).isZero();
    assertThat(IntakeMailbox.count(properties.folder())).isZero();
    assertThat(IntakeMailbox.count(properties.errorFolder())).isEqualTo(errorsBefore + 1);
    assertThat(jdbc.queryForList("select description from incident where title = ?", String.class, first))
        .containsExactly("Hourly");
    assertThat(jdbc.queryForObject("select count(*) from incident where title = ?", Long.class, next)).isOne();
    assertThat(intake.poll().handled()).as("nothing waits for the next poll").isZero();
  }

  private static MimeMessage withId(MimeMessage message, String messageId) throws Exception {
    message.saveChanges();
    message.setHeader("Message-ID", messageId);
    return message;
  }
}
