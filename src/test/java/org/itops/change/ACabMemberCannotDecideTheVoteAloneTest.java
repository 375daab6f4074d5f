package org.itops.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.change.ChangeProcess.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security model, rule 2: identity comes from the login. A CAB member's vote and an ECAB approval belong to one
 * person: tried over real HTTP as the demo users, nobody votes for another, takes or is handed another's vote, or
 * counts more than one vote; each attempt is answered 4xx and the vote stands as it was.
 */
@SuiteTest
class ACabMemberCannotDecideTheVoteAloneTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired ChangeScenario scenario;
  @Autowired ProcessSteps steps;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aMemberCannotCompleteAnotherMembersVote() {
    String number = inCabVote();
    String cab1Vote = vote(number, "cab1").getId();

    HttpResponse<String> refused = complete("cab2", cab1Vote, "{\"vote\": {\"value\": \"reject\"},"
        + " \"voteComment\": {\"value\": \"No\"}}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("belongs to cab1");
    assertNoVoteCounted(number);
  }

  @Test
  void aMemberCannotTakeOrBeHandedAnotherMembersVote() {
    String number = inCabVote();
    String cab1Vote = vote(number, "cab1").getId();

    assertThat(client.postJson("cab2", "/engine-rest/task/" + cab1Vote + "/assignee", "{\"userId\": \"cab2\"}")
        .statusCode()).isEqualTo(400);
    assertThat(client.postJson("cab1", "/engine-rest/task/" + cab1Vote + "/delegate", "{\"userId\": \"cab2\"}")
        .statusCode()).isEqualTo(400);
    assertThat(client.postJson("cab1", "/engine-rest/task/" + cab1Vote + "/identity-links",
        "{\"userId\": \"cab2\", \"type\": \"assignee\"}").statusCode()).isEqualTo(400);
    assertThat(client.putJson("cab2", "/engine-rest/task/" + cab1Vote, "{\"name\": \"Vote on change\","
        + " \"assignee\": \"cab2\", \"priority\": 50}").statusCode()).isEqualTo(400);

    assertThat(vote(number, "cab1").getId()).as("still cab1's vote").isEqualTo(cab1Vote);
    assertThat(complete("cab2", cab1Vote, "{\"vote\": {\"value\": \"approve\"}}").statusCode()).isEqualTo(400);
    assertNoVoteCounted(number);
  }

  @Test
  void aMemberCannotCountTheirVoteTwice() {
    String number = inCabVote();
    String cab1Vote = vote(number, "cab1").getId();

    HttpResponse<String> withCounter = complete("cab1", cab1Vote, "{\"vote\": {\"value\": \"approve\"},"
        + " \"approvals\": {\"value\": 5}}");
    HttpResponse<String> counterAlone = client.putJson("cab1", "/engine-rest/task/" + cab1Vote + "/variables/approvals",
        "{\"value\": 5}");
    HttpResponse<String> quorum = client.putJson("cab1", "/engine-rest/task/" + cab1Vote + "/variables/cabQuorum",
        "{\"value\": 0}");

    assertThat(withCounter.statusCode()).isEqualTo(400);
    assertThat(withCounter.body()).contains("approvals");
    assertThat(counterAlone.statusCode()).isEqualTo(400);
    assertThat(quorum.statusCode()).isEqualTo(400);
    assertNoVoteCounted(number);
    assertThat(steps.instance(number)).isNotNull();
  }

  @Test
  void anAdministratorCannotVoteForAMember() {
    String number = inCabVote();
    String cab1Vote = vote(number, "cab1").getId();

    HttpResponse<String> refused = complete("demo", cab1Vote, "{\"vote\": {\"value\": \"approve\"}}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertNoVoteCounted(number);
  }

  @Test
  void eachMemberVotesForThemselvesWithTheForm() {
    String number = inCabVote();

    assertThat(complete("cab1", vote(number, "cab1").getId(), "{\"vote\": {\"value\": \"approve\"}}").statusCode())
        .isEqualTo(204);

    assertThat(steps.runtime().getVariable(steps.instance(number).getId(), "approvals")).isEqualTo(1);
    assertThat(steps.tasks(number, Element.CAB_VOTE)).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("cab2", "cab3", "demo");
  }

  @Test
  void anEcabApprovalTakenByOneManagerIsNotCompletedOrTakenByAnother() {
    String number = scenario.raise("engineer", scenario.request("emergency", "high", List.of(scenario.item("critical")),
        Duration.ofMinutes(30), "Fail over back", null));
    String approval = steps.task(number, Element.ECAB_CHANGE_MANAGER).getId();
    assertThat(client.postJson("changemgr", "/engine-rest/task/" + approval + "/claim",
        "{\"userId\": \"changemgr\"}").statusCode()).isEqualTo(204);

    HttpResponse<String> completed = client.postJson("demo", "/engine-rest/task/" + approval + "/complete",
        "{\"variables\": {\"changeManagerDecision\": {\"value\": \"approve\"}}}");
    HttpResponse<String> taken = client.postJson("demo", "/engine-rest/task/" + approval + "/assignee",
        "{\"userId\": \"demo\"}");

    assertThat(completed.statusCode()).isEqualTo(400);
    assertThat(completed.body()).contains("belongs to changemgr");
    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(steps.task(number, Element.ECAB_CHANGE_MANAGER).getAssignee()).isEqualTo("changemgr");
  }

  @Test
  void nobodyTakesAnEcabApprovalForSomeoneElse() {
    String number = scenario.raise("engineer", scenario.request("emergency", "high", List.of(scenario.item("critical")),
        Duration.ofMinutes(30), "Fail over back", null));
    String approval = steps.task(number, Element.ECAB_IT_MANAGER).getId();

    HttpResponse<String> handed = client.postJson("demo", "/engine-rest/task/" + approval + "/assignee",
        "{\"userId\": \"manager\"}");

    assertThat(handed.statusCode()).isEqualTo(400);
    assertThat(steps.task(number, Element.ECAB_IT_MANAGER).getAssignee()).isNull();
  }

  /** A normal change of low risk that changemgr has accepted for the CAB: cab1, cab2, cab3 and demo vote. */
  private String inCabVote() {
    String number = scenario.raise("engineer", scenario.request("normal", "low", List.of(scenario.item("low"))));
    scenario.accept(number);
    return number;
  }

  private Task vote(String number, String member) {
    return steps.tasks(number, Element.CAB_VOTE).stream().filter(task -> member.equals(task.getAssignee()))
        .findFirst().orElseThrow();
  }

  private HttpResponse<String> complete(String user, String taskId, String variables) {
    return client.postJson(user, "/engine-rest/task/" + taskId + "/complete", "{\"variables\": " + variables + "}");
  }

  private void assertNoVoteCounted(String number) {
    String instance = steps.instance(number).getId();
    assertThat(steps.runtime().getVariable(instance, "approvals")).isEqualTo(0);
    assertThat(steps.runtime().getVariable(instance, "rejections")).isEqualTo(0);
    assertThat(steps.tasks(number, Element.CAB_VOTE)).hasSize(4);
  }
}
