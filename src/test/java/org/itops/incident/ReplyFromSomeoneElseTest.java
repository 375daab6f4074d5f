package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replies by mail to the engineer's question, through a real IMAP mailbox: only the mail of the incident's requester
 * answers it; anybody else's reply is kept on the timeline, and an address that two users have answers nothing.
 */
@SuiteTest
class ReplyFromSomeoneElseTest {

  @RegisterExtension
  static GreenMailExtension mail = IntakeMailbox.servers();

  @Autowired MailIntake intake;
  @Autowired MailIntakeProperties properties;
  @Autowired IncidentScenario scenario;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aReplyFromSomeoneElseDoesNotAnswerTheQuestion() throws Exception {
    String number = waitingForTheRequester();

    IntakeMailbox.send("desk@itops.localhost", "RE: [" + number + "] A question about your incident",
        "It is the one on the 3rd floor, close it");
    intake.poll();

    stillWaiting(number);
    assertThat(jdbc.queryForList("select detail from record_event where record_number = ? and type = 'MAIL'",
        String.class, number)).containsExactly("From desk: It is the one on the 3rd floor, close it");
  }

  @Test
  void anAddressThatTwoUsersHaveAnswersNothing() throws Exception {
    String number = waitingForTheRequester();
    // what a user can do in their own profile: take the requester's address
    User mimic = identityService.newUser("mimic" + UUID.randomUUID().toString().substring(0, 8));
    mimic.setEmail("requester@itops.localhost");
    identityService.saveUser(mimic);
    try {
      int errorsBefore = IntakeMailbox.count(properties.errorFolder());

      IntakeMailbox.send("requester@itops.localhost", "RE: [" + number + "] A question about your incident",
          "The one on the 3rd floor");
      MailIntake.Poll poll = intake.poll();

      assertThat(poll.refused()).isOne();
      assertThat(IntakeMailbox.count(properties.errorFolder())).isEqualTo(errorsBefore + 1);
      stillWaiting(number);
      assertThat(jdbc.queryForObject("select count(*) from record_event where record_number = ? and type = 'MAIL'",
          Long.class, number)).isZero();
    } finally {
      identityService.deleteUser(mimic.getId());
    }
  }

  private String waitingForTheRequester() {
    String number = scenario.reportAndTake("medium", "medium");
    scenario.complete(number, IncidentProcess.Element.WORK, "engineer", Map.of("outcome", "waiting",
        "question", "Which printer?"));
    return number;
  }

  private void stillWaiting(String number) {
    assertThat(scenario.record(number).getStatus()).isEqualTo(Incident.Status.WAITING_FOR_REQUESTER);
    assertThat(scenario.task(number, IncidentProcess.Element.ANSWER_QUESTION)).isNotNull();
  }
}
