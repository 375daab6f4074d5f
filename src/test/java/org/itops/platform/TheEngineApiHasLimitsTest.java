package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.TaskService;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security model, rule 5: the engine's REST API has limits as ours has: the size of a body (also a multipart
 * deployment, and one sent without a length), the size of a variable's value, and the number of results of a query.
 * Each refusal is a 4xx with a message that says which limit, and changes nothing.
 */
@SuiteTest
class TheEngineApiHasLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aCompletionLargerThanTheBodyLimitIsRefusedWith413() throws Exception {
    String task = triageTask();
    String huge = "{\"variables\": {\"overrideReason\": {\"value\": \"" + "x".repeat(1_100_000) + "\"}}}";

    HttpResponse<String> refused = client.postJson("desk", "/engine-rest/task/" + task + "/complete", huge);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("larger than 1048576 bytes");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void aBodyWithoutALengthIsCutAtTheLimitToo() throws Exception {
    String task = triageTask();
    byte[] huge = ("{\"variables\": {\"overrideReason\": {\"value\": \"" + "x".repeat(1_100_000) + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);

    // a body from a stream goes out chunked, without a Content-Length
    HttpResponse<String> refused = client.send(client.request("desk", "/engine-rest/task/" + task + "/complete")
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void aDeploymentLargerThanTheUploadLimitIsRefusedWith413() {
    String boundary = "----modeler-limit";
    byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"huge.bpmn\"; filename=\"huge.bpmn\""
        + "\r\n\r\n<!--" + "x".repeat(11 * 1024 * 1024) + "-->\r\n--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> refused = client.postMultipart("modeler", "/engine-rest/deployment/create", boundary, body);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("larger than 10485760 bytes");
  }

  @Test
  void aValueLargerThanTheVariableLimitIsRefused() throws Exception {
    String task = triageTask();
    String body = "{\"variables\": {\"priority\": {\"value\": \"P1\"}, \"assignedGroup\": {\"value\": \"service-desk\"},"
        + " \"overrideReason\": {\"value\": \"" + "x".repeat(70_000) + "\"}}}";

    HttpResponse<String> refused = client.postJson("desk", "/engine-rest/task/" + task + "/complete", body);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("errors").findValuesAsText("field")).containsExactly("overrideReason");
    assertThat(refused.body()).contains("larger than 65536 bytes");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void aQueryAnswersAPageOfAtMostTwoThousand() throws Exception {
    HttpResponse<String> tooMany = client.get("desk", "/engine-rest/task?maxResults=2001");
    HttpResponse<String> unbounded = client.get("desk", "/engine-rest/history/process-instance");
    HttpResponse<String> postedQuery = client.postJson("desk", "/engine-rest/task?firstResult=0&maxResults=5000", "{}");
    HttpResponse<String> page = client.get("desk", "/engine-rest/task?maxResults=2000");

    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("2000");
    assertThat(unbounded.statusCode()).isEqualTo(400);
    assertThat(unbounded.body()).contains("unbound number of results");
    assertThat(postedQuery.statusCode()).isEqualTo(400);
    assertThat(page.statusCode()).isEqualTo(200);
  }

  @Test
  void theWebappsEngineApiHasTheSameLimits() {
    SuiteClient.WebappSession tasklist = client.webappSession("desk", "desk", "tasklist");

    assertThat(tasklist.get("/camunda/api/engine/engine/default/task?maxResults=2001").statusCode()).isEqualTo(400);
    assertThat(tasklist.sendJson("POST", "/camunda/api/engine/engine/default/task?firstResult=0&maxResults=10",
        "{\"nameLike\": \"" + "x".repeat(1_100_000) + "\"}").statusCode()).isEqualTo(413);
  }

  /** The triage task of a new incident, for the service desk. */
  private String triageTask() throws Exception {
    HttpResponse<String> created = client.postJson("requester", "/api/incidents", """
        {"title": "Keyboard sticks", "impact": "low", "urgency": "low", "category": "workplace"}""");
    assertThat(created.statusCode()).isEqualTo(201);
    String number = JSON.readTree(created.body()).path("number").asText();
    JsonNode tasks = JSON.readTree(client.get("desk", "/engine-rest/task?processInstanceBusinessKey=" + number
        + "&maxResults=10").body());
    assertThat(tasks).hasSize(1);
    return tasks.get(0).path("id").asText();
  }
}
