package org.itops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Waiting for me" over real HTTP: a requester's tasks are the engine's, completed in the portal through the engine's
 * API with the same checks as Tasklist's, and the same task whichever way it is done.
 */
@SuiteTest
class WaitingForMeTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired ProcessSteps steps;
  @Autowired JdbcTemplate jdbc;
  PortalClient portal;

  @BeforeEach
  void login() {
    portal = new PortalClient(port).loggedInAs("requester");
  }

  @Test
  void aQuestionAnsweredInThePortalIsGoneFromTasklist() {
    String number = reportAndAsk();
    String taskId = waitingTask(number);
    SuiteClient.WebappSession tasklist = new SuiteClient(port).webappSession("requester", "requester", "tasklist");
    assertThat(tasklistTask(tasklist, taskId)).contains(taskId);
    assertThat(PortalClient.json(portal.get("/engine-rest/task/" + taskId + "/deployed-form")).path("id").asText())
        .isEqualTo("answer-question");

    HttpResponse<String> empty = portal.send("POST", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\": {}}");
    HttpResponse<String> answered = portal.send("POST", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\": {\"answer\": {\"value\": \"The sales mailbox\", \"type\": \"String\"}}}");

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(PortalClient.json(empty).path("message").asText()).contains("answer");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);
    assertThat(tasklistTask(tasklist, taskId)).isEqualTo("[]");
    assertThat(portal.get("/api/my/tasks").body()).doesNotContain(taskId);
    assertThat(jdbc.queryForObject("select count(*) from record_event where record_number = ? and detail like ?",
        Long.class, number, "%The sales mailbox%")).isEqualTo(1);
  }

  @Test
  void aResolutionConfirmedInTasklistIsGoneFromThePortal() {
    String number = reportAndAsk();
    portal.send("POST", "/engine-rest/task/" + waitingTask(number) + "/submit-form",
        "{\"variables\": {\"answer\": {\"value\": \"Since Monday\", \"type\": \"String\"}}}");
    steps.complete(number, "workOnIncident", "engineer", Map.of("outcome", "resolved", "resolutionCode", "FIXED",
        "resolutionNotes", "Restarted the mail transfer agent"));
    steps.runAsyncJobs(number);
    String confirmation = waitingTask(number);

    // Tasklist's own engine API, as Tasklist sends it: the webapp's session cookie and its CSRF token (the webapps'
    // CsrfPreventionFilter refuses a change whose X-XSRF-TOKEN header is not the token of the logged-in session,
    // which the login renews)
    SuiteClient.WebappSession tasklist = new SuiteClient(port).webappSession("requester", "requester", "tasklist");
    // the refused request in a session of its own: the filter ends the session that sent it (then 401)
    SuiteClient.WebappSession forged = new SuiteClient(port).webappSession("requester", "requester", "tasklist");
    String submit = "/camunda/api/engine/engine/default/task/" + confirmation + "/submit-form";
    String yes = "{\"variables\": {\"confirmation\": {\"value\": \"yes\", \"type\": \"String\"}}}";
    HttpResponse<String> withoutToken = new SuiteClient.WebappSession(forged.loginStatus(), forged.browser(),
        forged.baseUrl(), "").sendJson("POST", submit, yes);
    HttpResponse<String> confirmed = tasklist.sendJson("POST", submit, yes);

    assertThat(tasklist.loginStatus()).isEqualTo(200);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
    assertThat(portal.get("/api/my/tasks").body()).doesNotContain(confirmation);
    assertThat(portal.get("/engine-rest/task/" + confirmation).statusCode()).isEqualTo(404);
  }

  @Test
  void onlyTheRequestersOwnTasksAreListed() {
    String number = reportAndAsk();
    String taskId = waitingTask(number);

    PortalClient desk = new PortalClient(port).loggedInAs("desk");
    assertThat(desk.get("/api/my/tasks").body()).doesNotContain(taskId);
    PortalClient engineer = new PortalClient(port).loggedInAs("engineer");
    assertThat(engineer.get("/api/my/tasks").body()).doesNotContain(number);
  }

  /** The requester reports; the desk triages, the engineer takes it and asks a question. */
  private String reportAndAsk() {
    HttpResponse<String> created = portal.send("POST", "/api/incidents", """
        {"title": "Waiting for me: shared mailbox empty", "impact": "low", "urgency": "medium",
         "category": "application"}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String number = PortalClient.json(created).path("number").asText();
    steps.runAsyncJobs(number);
    Map<String, Object> triage = new HashMap<>();
    triage.put("priority", jdbc.queryForObject("select priority from incident where number = ?", String.class,
        number));
    triage.put("assignedGroup", "ops-engineers");
    steps.complete(number, "triageIncident", "desk", triage);
    steps.runAsyncJobs(number);
    steps.complete(number, "takeIncident", "engineer", Map.of());
    steps.complete(number, "workOnIncident", "engineer", Map.of("outcome", "waiting", "question",
        "Which mailbox?"));
    steps.runAsyncJobs(number);
    return number;
  }

  /** Tasklist's query of the task, as its list asks the engine. */
  private static String tasklistTask(SuiteClient.WebappSession tasklist, String taskId) {
    return tasklist.get("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=10&taskId=" + taskId).body();
  }

  /** The one task of the incident that waits for the requester, as the portal lists it. */
  private String waitingTask(String number) {
    JsonNode items = PortalClient.json(portal.get("/api/my/tasks")).path("items");
    for (JsonNode item : items) {
      if (number.equals(item.path("recordNumber").asText())) {
        assertThat(item.path("name").asText()).isNotBlank();
        return item.path("taskId").asText();
      }
    }
    throw new AssertionError(number + " waits for nothing of the requester: " + items);
  }
}
