package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Incidents by mail through a real IMAP mailbox (GreenMail), and the receipt through real SMTP. */
@SuiteTest
class MailIntakeTest {

  private static final String MAILBOX = IntakeMailbox.ADDRESS;

  @RegisterExtension
  static GreenMailExtension mail = IntakeMailbox.servers();

  @Autowired MailIntake intake;
  @Autowired MailIntakeProperties properties;
  @Autowired IncidentMailHandler handler;
  @Autowired IncidentScenario scenario;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aMailFromAUserReportsAnIncidentAndGetsTheNumberBack() throws Exception {
    String subject = "Laptop does not boot " + UUID.randomUUID().toString().substring(0, 6);
    IntakeMailbox.send("requester@itops.localhost", subject, "Black screen since the update");

    MailIntake.Poll poll = intake.poll();

    assertThat(poll.handled()).isEqualTo(1);
    Map<String, Object> incident = jdbc.queryForMap("select number, reporter, source, description from incident"
        + " where title = ?", subject);
    assertThat(incident).containsEntry("REPORTER", "requester").containsEntry("SOURCE", "mail")
        .containsEntry("DESCRIPTION", "Black screen since the update");
    String number = (String) incident.get("NUMBER");
    scenario.runMailJobs(number);
    assertThat(receivedBy("requester@itops.localhost")).anySatisfy(message ->
        assertThat(message.getSubject()).isEqualTo("[" + number + "] Received: " + subject));
    assertThat(IntakeMailbox.count(properties.folder())).isZero();
    assertThat(IntakeMailbox.count(properties.processedFolder())).isOne();
  }

  @Test
  void aReplyAnswersTheEngineersQuestionAndTheClockRunsAgain() throws Exception {
    String number = scenario.reportAndTake("medium", "medium");
    scenario.complete(number, IncidentProcess.Element.WORK, "engineer", Map.of("outcome", "waiting",
        "question", "Which printer?"));
    assertThat(scenario.record(number).getStatus()).isEqualTo(Incident.Status.WAITING_FOR_REQUESTER);

    IntakeMailbox.send("requester@itops.localhost", "RE: [" + number + "] A question about your"
        + " incident", "The one on the 3rd floor");
    intake.poll();

    assertThat(scenario.record(number).getStatus()).isEqualTo(Incident.Status.IN_PROGRESS);
    assertThat(scenario.task(number, IncidentProcess.Element.WORK)).isNotNull();
    assertThat(jdbc.queryForList("select detail from record_event where record_number = ? and type = 'MAIL'",
        String.class, number)).containsExactly("From requester: The one on the 3rd floor");
  }

  @Test
  void theSameMailReadTwiceReportsOneIncident() throws Exception {
    long before = incidentCount();
    MimeMessage message = IntakeMailbox.message("requester@itops.localhost", "VPN again " + UUID.randomUUID(), "Drops hourly");
    message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@example.org>");
    IntakeMailbox.deliver(mail, message);
    IntakeMailbox.deliver(mail, message);

    MailIntake.Poll poll = intake.poll();

    assertThat(poll.handled()).isEqualTo(2);
    assertThat(incidentCount()).isEqualTo(before + 1);
  }

  @Test
  void mailFromAnUnknownSenderOrWithoutSenderGoesToTheErrorFolder() throws Exception {
    long before = incidentCount();
    IntakeMailbox.send("stranger@example.org", "Buy now", "Cheap watches");
    MimeMessage noSender = new MimeMessage(Session.getInstance(new Properties()));
    noSender.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
    noSender.setSubject("Who am I");
    noSender.setText("no From header");
    IntakeMailbox.deliver(mail, noSender);

    MailIntake.Poll poll = intake.poll();

    assertThat(poll.refused()).isEqualTo(2);
    assertThat(incidentCount()).isEqualTo(before);
    assertThat(IntakeMailbox.count(properties.errorFolder())).isEqualTo(2);
    assertThat(IntakeMailbox.count(properties.folder())).isZero();
  }

  @Test
  void aMailThatCannotBeHandledNowStaysForTheNextPoll() throws Exception {
    IntakeMailbox.send("requester@itops.localhost", "Printer " + UUID.randomUUID(), "Jammed");
    MailIntake databaseDown = new MailIntake(properties, mail -> {
      throw new TransientDataAccessResourceException("the database is down");
    }, new SimpleMeterRegistry());

    assertThat(databaseDown.poll().left()).isEqualTo(1);
    assertThat(IntakeMailbox.count(properties.folder())).isOne();

    assertThat(intake.poll().handled()).isEqualTo(1);
    assertThat(IntakeMailbox.count(properties.folder())).isZero();
  }

  @Test
  void attachmentsAreListedWithTheIncident() throws Exception {
    String subject = "Invoice PDF broken " + UUID.randomUUID().toString().substring(0, 6);
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress("requester@itops.localhost"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
    message.setSubject(subject);
    MimeBodyPart text = new MimeBodyPart();
    text.setText("See the file");
    MimeBodyPart file = new MimeBodyPart();
    file.setFileName("invoice-4711.pdf");
    file.setContent("%PDF-1.4 broken", "application/pdf");
    message.setContent(new MimeMultipart(text, file));
    message.saveChanges();
    IntakeMailbox.deliver(mail, message);

    intake.poll();

    assertThat(jdbc.queryForObject("select description from incident where title = ?", String.class, subject))
        .startsWith("See the file").contains("Attachments (kept in the mailbox): invoice-4711.pdf");
  }



  private static List<MimeMessage> receivedBy(String address) throws Exception {
    return java.util.Arrays.stream(mail.getReceivedMessages()).filter(message -> {
      try {
        return java.util.Arrays.stream(message.getAllRecipients()).anyMatch(r -> ((jakarta.mail.internet.InternetAddress) r).getAddress().equals(address));
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).toList();
  }

  private long incidentCount() {
    return jdbc.queryForObject("select count(*) from incident", Long.class);
  }
}
