package org.itops.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SMTP down while people work, over real HTTP as the demo users: the mail steps hand their mail to mail-delivery, so
 * the next user task is there at once; the mail retries on its own, ends as an incident in Cockpit (of the delivery,
 * not of the incident's process), and a retry there sends it.
 */
@SuiteTest
class FailingMailDoesNotHoldTheProcessTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired ProcessSteps steps;
  @Autowired RuntimeService runtimeService;

  @Test
  void theNextUserTaskIsCreatedAtOnceWhileSmtpIsDown() throws Exception {
    smtp.stop();
    SuiteClient client = new SuiteClient(port);
    HttpResponse<String> reported = client.postJson("requester", "/api/incidents", """
        {"title": "Printer on fire", "impact": "medium", "urgency": "medium", "category": "server"}""");
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    String number = JSON.readTree(reported.body()).path("number").asText();
    String priority = JSON.readTree(client.get("desk", "/api/incidents/" + number).body()).path("priority").asText();

    String triage = taskId(client, "desk", number, "triageIncident");
    client.postJson("desk", "/engine-rest/task/" + triage + "/claim", "{\"userId\": \"desk\"}");
    HttpResponse<String> triaged = client.postJson("desk", "/engine-rest/task/" + triage + "/complete", """
        {"variables": {"priority": {"value": "%s"}, "assignedGroup": {"value": "ops-engineers"}}}""".formatted(priority));

    assertThat(triaged.statusCode()).as(triaged.body()).isEqualTo(204);
    assertThat(taskId(client, "engineer", number, "takeIncident")).as("Take incident, at once").isNotNull();
    List<String> failures = steps.runMailJobsUntilTheyFail(number);
    assertThat(failures).isNotEmpty().allSatisfy(failure -> assertThat(failure).contains("Mail server connection"));
    assertThat(steps.mailDeliveries(number).stream().mapToLong(delivery -> runtimeService.createIncidentQuery()
        .processInstanceId(delivery.getId()).count()).sum()).as("incidents in Cockpit").isEqualTo(failures.size());
    assertThat(runtimeService.createIncidentQuery().processInstanceId(steps.instance(number).getId()).count())
        .as("the incident's own process has no incident").isZero();
    assertThat(taskId(client, "engineer", number, "takeIncident")).isNotNull();

    smtp.start();
    steps.retryFailedMailJobs(number);

    assertThat(TestMail.recipients(smtp)).as("each member of ops-engineers, once")
        .containsExactlyInAnyOrder(List.of("engineer@itops.localhost"), List.of("demo@itops.localhost"));
    assertThat(TestMail.subjects(smtp)).containsOnly("[" + number + "] " + priority
        + " incident for your group: Printer on fire");
    assertThat(steps.mailDeliveries(number)).isEmpty();
  }

  /** The id of the open task of that key, as Tasklist finds it for the user; null when the user sees none. */
  private static String taskId(SuiteClient client, String user, String number, String taskKey) throws Exception {
    JsonNode tasks = JSON.readTree(client.get(user, "/engine-rest/task?processInstanceBusinessKey=" + number
        + "&taskDefinitionKey=" + taskKey + "&maxResults=10").body());
    return tasks.isEmpty() ? null : tasks.get(0).path("id").asText();
  }
}
