package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * Security model, rule 1: a form decides what its task may change. Tried as a hostile user with a login would, over
 * real HTTP with the demo accounts: every attempt to set what the form does not offer is answered 4xx, naming what
 * was refused, and the record and the process are left as they were.
 */
@SuiteTest
class AFormDecidesWhatATaskMayChangeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REPORT = """
      {"title": "Printer on floor 3 jams", "description": "Since this morning", "impact": "low", "urgency": "low",
       "category": "workplace"}""";

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aServiceDeskAgentCannotMoveTheSlaDueTimeWithTheTriage() throws Exception {
    String number = reported();
    String task = taskId("desk", number, "triageIncident");
    Object dueBefore = taskService.getVariable(task, "responseDue");

    HttpResponse<String> refused = complete("desk", task, Map.of("priority", "P4", "assignedGroup", "service-desk",
        "responseDue", "2099-01-01T00:00:00Z"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(errorFields(refused)).containsExactly("responseDue");
    assertThat(refused.body()).contains("is not a field of the form 'triage-incident'");
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("the triage waits still").isOne();
    assertThat(taskService.getVariable(task, "responseDue")).isEqualTo(dueBefore);
  }

  @Test
  void aReadOnlyFieldCannotBeRewrittenThroughItsForm() throws Exception {
    String number = reported();
    String task = taskId("desk", number, "triageIncident");

    HttpResponse<String> refused = complete("desk", task, Map.of("priority", "P4", "assignedGroup", "service-desk",
        "description", "Nothing happened, really"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(errorFields(refused)).containsExactly("description");
    assertThat(refused.body()).contains("read-only");
    assertThat(jdbc.queryForObject("select description from incident where number = ?", String.class, number))
        .isEqualTo("Since this morning");
  }

  @Test
  void theFormsOwnFieldsAndAReadOnlyValueSentBackUnchangedComplete() throws Exception {
    String number = reported();
    String task = taskId("desk", number, "triageIncident");

    HttpResponse<String> done = complete("desk", task, Map.of("priority", "P4", "assignedGroup", "service-desk",
        "description", "Since this morning", "declareMajor", false));

    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
  }

  @Test
  void theEngineApiWordsItsRefusalsInTheRequestsLanguage() throws Exception {
    String task = taskId("desk", reported(), "triageIncident");

    HttpResponse<String> notOfTheForm = completeAskingForChinese(task, Map.of("priority", "P4",
        "assignedGroup", "service-desk", "responseDue", "2099-01-01T00:00:00Z"));
    HttpResponse<String> refusedByTheTriage = completeAskingForChinese(task, Map.of("priority", "P1",
        "assignedGroup", "service-desk"));
    HttpResponse<String> refusedInTasklist = client.webappSession("desk", "desk", "tasklist").sendJson("POST",
        "/camunda/api/engine/engine/default/task/" + task + "/submit-form", variables(Map.of("priority", "P1",
            "assignedGroup", "service-desk")), "zh-CN,zh;q=0.9");

    assertThat(notOfTheForm.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notOfTheForm.body()).path("errors").get(0).path("reason").asText())
        .isEqualTo("不是任务“Triage incident”的表单 'triage-incident' 中的字段：它由套件自己的步骤设置，而非由客户端设置");
    assertThat(refusedByTheTriage.statusCode()).as("a task listener's rule, through Camunda's REST API").isEqualTo(400);
    assertThat(JSON.readTree(refusedByTheTriage.body()).path("message").asText()).isEqualTo("overrideReason: 为必填项");
    // the webapps' own engine API wraps a listener's refusal in its answer (its status is Camunda's, not ours)
    assertThat(JSON.readTree(refusedInTasklist.body()).path("message").asText()).as("what Tasklist shows")
        .contains("overrideReason: 为必填项");
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("the triage waits still").isOne();
  }

  @Test
  void aValueThatIsNotAPlainFormValueIsRefused() throws Exception {
    String task = taskId("desk", reported(), "triageIncident");
    String body = """
        {"variables": {"priority": {"value": "rO0ABXQAAlA0", "type": "Object",
          "valueInfo": {"objectTypeName": "java.lang.String", "serializationDataFormat": "application/x-java-serialized-object"}},
         "assignedGroup": {"value": "service-desk"}}}""";

    HttpResponse<String> refused = client.postJson("desk", "/engine-rest/task/" + task + "/complete", body);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(errorFields(refused)).containsExactly("priority");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void aRequesterCannotStartAnIncidentThatLooksLikeAnAlert() throws Exception {
    long before = incidents();

    HttpResponse<String> refused = client.postJson("requester",
        "/engine-rest/process-definition/key/incident-lifecycle/submit-form", startForm(Map.of("source", "alert",
            "initiator", "monitoring")));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(errorFields(refused)).containsExactlyInAnyOrder("source", "initiator");
    assertThat(incidents()).isEqualTo(before);
  }

  @Test
  void aStartCannotChooseItsRecordNumberOrSkipTheSuitesChecks() throws Exception {
    long before = incidents();
    String body = JSON.writeValueAsString(Map.of("businessKey", "INC-999999", "skipCustomListeners", true,
        "skipIoMappings", true, "variables", JSON.readTree(startForm(Map.of())).path("variables")));

    HttpResponse<String> refused = client.postJson("requester",
        "/engine-rest/process-definition/key/incident-lifecycle/start", body);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(errorFields(refused)).containsExactlyInAnyOrder("businessKey", "skipCustomListeners", "skipIoMappings");
    assertThat(incidents()).isEqualTo(before);
  }

  @Test
  void theStartFormsFieldsStartAnIncident() throws Exception {
    long before = incidents();

    HttpResponse<String> started = client.postJson("requester",
        "/engine-rest/process-definition/key/incident-lifecycle/submit-form", startForm(Map.of()));

    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(incidents()).isEqualTo(before + 1);
  }

  @Test
  void nobodyButAnAdministratorSetsTheVariablesOfATaskOrProcess() throws Exception {
    String number = reported();
    String task = taskId("desk", number, "triageIncident");
    String instance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
    String value = "{\"value\": \"P1\", \"type\": \"String\"}";

    assertThat(client.putJson("desk", "/engine-rest/task/" + task + "/variables/computedPriority", value)
        .statusCode()).isEqualTo(400);
    assertThat(client.postJson("desk", "/engine-rest/task/" + task + "/variables",
        "{\"modifications\": {\"computedPriority\": " + value + "}}").statusCode()).isEqualTo(400);
    assertThat(client.putJson("desk", "/engine-rest/task/" + task + "/localVariables/computedPriority", value)
        .statusCode()).isEqualTo(400);
    assertThat(client.putJson("desk", "/engine-rest/process-instance/" + instance + "/variables/computedPriority",
        value).statusCode()).isEqualTo(400);
    assertThat(client.postJson("desk", "/engine-rest/process-instance/variables-async",
        "{\"processInstanceIds\": [\"" + instance + "\"], \"variables\": {\"computedPriority\": " + value + "}}")
        .statusCode()).isEqualTo(400);
    assertThat(runtimeService.getVariable(instance, "computedPriority")).isEqualTo("P4");

    assertThat(client.putJson("demo", "/engine-rest/process-instance/" + instance + "/variables/note",
        "{\"value\": \"set by an administrator\"}").statusCode()).isEqualTo(204);
    assertThat(runtimeService.getVariable(instance, "note")).isEqualTo("set by an administrator");
  }

  @Test
  void aClientCannotSteerTheProcessPastItsTasks() throws Exception {
    String number = reported();
    String task = taskId("desk", number, "triageIncident");
    String instance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();

    assertThat(client.postJson("desk", "/engine-rest/message", "{\"messageName\": \"incident.alertResolved\","
        + " \"businessKey\": \"" + number + "\", \"processVariables\": {\"resolved\": {\"value\": true}}}")
        .statusCode()).isEqualTo(403);
    assertThat(client.postJson("desk", "/engine-rest/task/" + task + "/bpmnError", "{\"errorCode\": \"x\"}")
        .statusCode()).isEqualTo(403);
    assertThat(client.postJson("desk", "/engine-rest/task/" + task + "/bpmnEscalation", "{\"escalationCode\": \"x\"}")
        .statusCode()).isEqualTo(403);
    assertThat(client.postJson("desk", "/engine-rest/process-instance/" + instance + "/modification",
        "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"closeIncident\"}]}")
        .statusCode()).isEqualTo(403);
    assertThat(client.postJson("desk", "/engine-rest/signal", "{\"name\": \"anything\"}").statusCode())
        .isEqualTo(403);
    // the same paths written another way reach the same answer
    assertThat(client.postJson("desk", "/engine-rest//task/" + task + "/bpmnError/", "{\"errorCode\": \"x\"}")
        .statusCode()).isBetween(400, 499);
    assertThat(client.postJson("desk", "/engine-rest/engine/default/task/" + task + "/bpmnError",
        "{\"errorCode\": \"x\"}").statusCode()).isEqualTo(403);

    assertThat(taskService.createTaskQuery().taskId(task).count()).as("the triage waits still").isOne();
    assertThat(runtimeService.getVariable(instance, "resolved")).isEqualTo(false);
  }

  @Test
  void theWebappsEngineApiHoldsTheSameRules() throws Exception {
    String task = taskId("desk", reported(), "triageIncident");
    SuiteClient.WebappSession tasklist = client.webappSession("desk", "desk", "tasklist");
    String api = "/camunda/api/engine/engine/default";

    HttpResponse<String> refused = tasklist.sendJson("POST", api + "/task/" + task + "/submit-form",
        "{\"variables\": {\"priority\": {\"value\": \"P4\"}, \"assignedGroup\": {\"value\": \"service-desk\"},"
            + " \"responseDue\": {\"value\": \"2099-01-01T00:00:00Z\"}}}");
    HttpResponse<String> variable = tasklist.sendJson("PUT", api + "/task/" + task + "/variables/computedPriority",
        "{\"value\": \"P1\"}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(errorFields(refused)).containsExactly("responseDue");
    assertThat(variable.statusCode()).isEqualTo(400);
    assertThat(taskService.getVariable(task, "computedPriority")).isEqualTo("P4");
  }

  @Test
  void aBodyOfOurApiCannotCarryAFieldItDoesNotDocument() throws Exception {
    long before = incidents();

    HttpResponse<String> refused = client.postJson("requester", "/api/incidents",
        REPORT.replace("}", ", \"source\": \"alert\"}"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(errorFields(refused)).containsExactly("source");
    assertThat(incidents()).isEqualTo(before);
  }

  /** A requester's report over our API; answers its number. */
  private String reported() throws Exception {
    HttpResponse<String> created = client.postJson("requester", "/api/incidents", REPORT);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("number").asText();
  }

  private String taskId(String user, String number, String taskKey) throws Exception {
    JsonNode tasks = JSON.readTree(client.get(user, "/engine-rest/task?processInstanceBusinessKey=" + number
        + "&taskDefinitionKey=" + taskKey + "&maxResults=10").body());
    assertThat(tasks).as(user + " sees " + taskKey + " of " + number).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private HttpResponse<String> complete(String user, String taskId, Map<String, Object> values) throws Exception {
    return client.postJson(user, "/engine-rest/task/" + taskId + "/complete", variables(values));
  }

  private HttpResponse<String> completeAskingForChinese(String taskId, Map<String, Object> values) throws Exception {
    return client.send(client.request("desk", "/engine-rest/task/" + taskId + "/complete")
        .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
        .POST(BodyPublishers.ofString(variables(values))));
  }

  /** The start form's fields of incident-lifecycle, with more variables. */
  private static String startForm(Map<String, Object> more) throws Exception {
    Map<String, Object> values = new java.util.LinkedHashMap<>(Map.of("title", "Mouse broken", "impact", "low",
        "urgency", "low", "category", "workplace"));
    values.putAll(more);
    return variables(values);
  }

  private static String variables(Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return JSON.writeValueAsString(Map.of("variables", variables));
  }

  private static java.util.List<String> errorFields(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("errors").findValuesAsText("field");
  }

  private long incidents() {
    return jdbc.queryForObject("select count(*) from incident", Long.class);
  }
}
