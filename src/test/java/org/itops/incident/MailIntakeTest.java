package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.itops.ReadAttempts;
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
  @Autowired IdentityService identityService;

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
  void aMailsFilesBecomeTheIncidentsAttachmentsUnderTheirChineseNames() throws Exception {
    String subject = "Invoice PDF broken " + UUID.randomUUID().toString().substring(0, 6);
    // an RFC 2047 encoded name, as many mail programs send one
    MimeMessage message = withFiles(subject, file(MimeUtility.encodeText("发票 4711.pdf", "UTF-8", "B"),
        "%PDF-1.4 broken".getBytes(StandardCharsets.UTF_8)));
    IntakeMailbox.deliver(mail, message);

    intake.poll();

    Map<String, Object> incident = jdbc.queryForMap("select number, description from incident where title = ?",
        subject);
    assertThat(incident).containsEntry("DESCRIPTION", "See the file");
    assertThat(jdbc.queryForMap("select file_name, content_type, size_bytes, uploaded_by from attachment"
        + " where record_number = ?", incident.get("NUMBER"))).containsEntry("FILE_NAME", "发票 4711.pdf")
        .containsEntry("CONTENT_TYPE", "application/pdf").containsEntry("SIZE_BYTES", 15L)
        .containsEntry("UPLOADED_BY", "requester");
  }

  @Test
  void aFileOverTheLimitIsLeftOutAndTheIncidentIsStillReported() throws Exception {
    String subject = "Core dump attached " + UUID.randomUUID().toString().substring(0, 6);
    IntakeMailbox.deliver(mail, withFiles(subject, file("core.dump", new byte[10 * 1024 * 1024 + 1]),
        file("steps.txt", "1. open\n2. crash\n".getBytes(StandardCharsets.UTF_8))));

    assertThat(intake.poll().handled()).isOne();

    String number = jdbc.queryForObject("select number from incident where title = ?", String.class, subject);
    assertThat(jdbc.queryForList("select file_name from attachment where record_number = ?", String.class, number))
        .containsExactly("steps.txt");
    assertThat(jdbc.queryForList("select detail from record_event where record_number = ?"
        + " and type = 'ATTACHMENT_SKIPPED'", String.class, number))
        .containsExactly("core.dump: is larger than 10485760 bytes");
  }

  @Test
  void theSameMailReadTwiceKeepsItsFilesOnce() throws Exception {
    String subject = "Printer log " + UUID.randomUUID().toString().substring(0, 6);
    MimeMessage message = withFiles(subject, file("printer.log", "paper jam".getBytes(StandardCharsets.UTF_8)));
    message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@example.org>");
    IntakeMailbox.deliver(mail, message);
    IntakeMailbox.deliver(mail, message);

    assertThat(intake.poll().handled()).isEqualTo(2);

    String number = jdbc.queryForObject("select number from incident where title = ?", String.class, subject);
    assertThat(jdbc.queryForObject("select count(*) from attachment where record_number = ?", Long.class, number))
        .isOne();
  }

  @Test
  void aReplyFromSomeoneWhoDoesNotReadTheIncidentAddsNoFiles() throws Exception {
    String number = scenario.report("low", "low", "workplace");
    String neighbour = ReadAttempts.newUser(identityService, "neighbour", "requesters");
    try {
      IntakeMailbox.deliver(mail, withFiles(neighbour + "@itops.localhost", "RE: [" + number + "] Received",
          file("mine.txt", "let me in".getBytes(StandardCharsets.UTF_8))));

      assertThat(intake.poll().handled()).isOne();

      assertThat(jdbc.queryForObject("select count(*) from attachment where record_number = ?", Long.class, number))
          .isZero();
      assertThat(jdbc.queryForList("select detail from record_event where record_number = ?"
          + " and type = 'ATTACHMENT_SKIPPED'", String.class, number))
          .containsExactly("mine.txt: " + neighbour + " does not read " + number);
    } finally {
      identityService.deleteUser(neighbour);
    }
  }

  /** A mail from the requester with the text "See the file" and the files. */
  private static MimeMessage withFiles(String subject, MimeBodyPart... files) throws Exception {
    return withFiles("requester@itops.localhost", subject, files);
  }

  private static MimeMessage withFiles(String from, String subject, MimeBodyPart... files) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
    message.setSubject(subject);
    MimeBodyPart text = new MimeBodyPart();
    text.setText("See the file");
    MimeMultipart parts = new MimeMultipart(text);
    for (MimeBodyPart file : files) {
      parts.addBodyPart(file);
    }
    message.setContent(parts);
    message.saveChanges();
    return message;
  }

  private static MimeBodyPart file(String name, byte[] content) throws Exception {
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, "application/octet-stream")));
    file.setFileName(name);
    file.setDisposition(Part.ATTACHMENT);
    return file;
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
