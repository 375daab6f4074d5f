package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Authentication and authorization over real HTTP, as the demo users of the embedded default. */
@SuiteTest
class RestSecurityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/user",
      "/api/incidents", "/actuator/prometheus", "/actuator/metrics", "/mailbox"})
  void callsWithoutCredentialsGet401(String path) {
    HttpResponse<String> response = client.get(null, path);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic"));
  }

  @Test
  void wrongPasswordGets401() {
    // a user of its own: a wrong password delays the next logins of that user (Camunda's login lock-out)
    String userId = "wrongpassword" + System.nanoTime();
    User user = identityService.newUser(userId);
    user.setPassword("the-right-one");
    identityService.saveUser(user);
    try {
      HttpResponse<String> response = client.send(client.request(null, "/engine-rest/task")
          .header("Authorization", SuiteClient.basic(userId, "not-the-password")).GET());

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).contains("Wrong user name or password");
    } finally {
      identityService.deleteUser(userId);
    }
  }

  @Test
  void engineListAndHealthAnswerWithoutLoginAndWithoutDetails() {
    assertThat(client.get(null, "/engine-rest/engine").statusCode()).isEqualTo(200);
    HttpResponse<String> health = client.get(null, "/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");
  }

  @Test
  void requesterCannotSeeOrCompleteAnOpsEngineersTaskButAnEngineerCan() throws Exception {
    String taskId = startOpsTask();

    assertThat(taskIds("requester")).doesNotContain(taskId);
    assertThat(client.get("requester", "/engine-rest/task/" + taskId).statusCode()).isIn(403, 404);
    assertThat(client.postJson("requester", "/engine-rest/task/" + taskId + "/complete", "{}").statusCode())
        .isIn(403, 404);

    assertThat(taskIds("engineer")).contains(taskId);
    assertThat(client.postJson("engineer", "/engine-rest/task/" + taskId + "/complete", "{}").statusCode())
        .isEqualTo(204);
  }

  @Test
  void onlyTheConfiguredGroupsStartAProcess() {
    String body = "{\"variables\":{\"summary\":{\"value\":\"Disk full\"}}}";

    assertThat(client.postJson("requester", "/engine-rest/process-definition/key/fixture-ops-task/start", body)
        .statusCode()).isIn(403, 404);
    assertThat(client.postJson("desk", "/engine-rest/process-definition/key/fixture-ops-task/start", body)
        .statusCode()).isEqualTo(200);
  }

  @Test
  void aRestrictedProcessIsSeenByItsGroupOnly() throws Exception {
    HttpResponse<String> started = client.postJson("secops",
        "/engine-rest/process-definition/key/fixture-restricted-case/start", "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = JSON.readTree(started.body()).path("id").asText();

    String query = "/engine-rest/process-instance?processInstanceIds=" + instanceId + "&maxResults=10";
    assertThat(JSON.readTree(client.get("secops", query).body())).hasSize(1);
    for (String outsider : List.of("engineer", "manager", "desk", "modeler", "requester")) {
      assertThat(JSON.readTree(client.get(outsider, query).body())).as(outsider).isEmpty();
      assertThat(JSON.readTree(client.get(outsider, "/engine-rest/history/process-instance?processInstanceId="
          + instanceId + "&maxResults=10").body())).as(outsider).isEmpty();
    }
  }

  @Test
  void securityIncidentsAreWatchedBySecurityTeamOnly() {
    List<String> watchers = authorizationService.createAuthorizationQuery()
        .resourceType(Resources.PROCESS_DEFINITION)
        .resourceId("security-incident")
        .hasPermission(ProcessDefinitionPermissions.READ_INSTANCE)
        .list().stream().map(Authorization::getGroupId).toList();

    assertThat(watchers).containsExactly("security-team");
  }

  @Test
  void processOwnerDeploysFromModelerAndARequesterMayNot() throws Exception {
    String name = "modeler-deploy-" + UUID.randomUUID();

    assertThat(deployFromModeler("requester", name).statusCode()).isEqualTo(403);
    HttpResponse<String> deployed = deployFromModeler("modeler", name);
    assertThat(deployed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(deployed.body()).path("deployedProcessDefinitions")).hasSize(1);
  }

  @Test
  void everyUserSeesTheThreeTaskFiltersAfterLogin() throws Exception {
    for (String user : List.of("desk", "requester")) {
      assertThat(client.webappLogin(user, user, "tasklist")).isEqualTo(200);
      List<String> names = new ArrayList<>();
      JSON.readTree(client.get(user, "/engine-rest/filter?resourceType=Task&maxResults=100").body())
          .forEach(filter -> names.add(filter.path("name").asText()));
      assertThat(names).as(user).containsExactlyInAnyOrder("My tasks", "My groups' tasks", "Unassigned");
    }
  }

  @Test
  void filtersShowTheTasksOfTheUsersGroupsAndTheirOwn() throws Exception {
    String taskId = startOpsTask();
    client.webappLogin("engineer", "engineer", "tasklist");
    client.webappLogin("requester", "requester", "tasklist");

    assertThat(filterTaskIds("engineer", "Unassigned")).contains(taskId);
    assertThat(filterTaskIds("engineer", "My groups' tasks")).contains(taskId);
    assertThat(filterTaskIds("requester", "My groups' tasks")).doesNotContain(taskId);
    assertThat(filterTaskIds("requester", "Unassigned")).doesNotContain(taskId);

    assertThat(client.postJson("engineer", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"engineer\"}")
        .statusCode()).isEqualTo(204);
    assertThat(filterTaskIds("engineer", "My tasks")).contains(taskId);
    assertThat(filterTaskIds("engineer", "Unassigned")).doesNotContain(taskId);
  }

  @Test
  void cockpitIsForWatchersAndAdminIsForAdministrators() {
    assertThat(client.webappLogin("manager", "manager", "cockpit")).isEqualTo(200);
    assertThat(client.webappLogin("requester", "requester", "cockpit")).isNotEqualTo(200);
    assertThat(client.webappLogin("demo", "demo", "admin")).isEqualTo(200);
    assertThat(client.webappLogin("manager", "manager", "admin")).isNotEqualTo(200);
  }

  private String startOpsTask() throws Exception {
    HttpResponse<String> started = client.postJson("desk", "/engine-rest/process-definition/key/fixture-ops-task/start",
        "{\"variables\":{\"summary\":{\"value\":\"Disk full\"}}}");
    assertThat(started.statusCode()).isEqualTo(200);
    String instanceId = JSON.readTree(started.body()).path("id").asText();
    JsonNode tasks = JSON.readTree(client.get("demo", "/engine-rest/task?processInstanceId=" + instanceId
        + "&maxResults=10").body());
    assertThat(tasks).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private List<String> taskIds(String user) throws Exception {
    HttpResponse<String> response = client.get(user, "/engine-rest/task?maxResults=1000");
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    JSON.readTree(response.body()).forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }

  private List<String> filterTaskIds(String user, String filterName) throws Exception {
    String filterId = null;
    for (JsonNode filter : JSON.readTree(client.get(user, "/engine-rest/filter?resourceType=Task&maxResults=100").body())) {
      if (filter.path("name").asText().equals(filterName)) {
        filterId = filter.path("id").asText();
      }
    }
    assertThat(filterId).as(user + " sees filter " + filterName).isNotNull();
    HttpResponse<String> response = client.postJson(user, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=100", "{}");
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    JSON.readTree(response.body()).forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }

  /** What Camunda Modeler sends when it deploys a diagram. */
  private HttpResponse<String> deployFromModeler(String user, String deploymentName) throws Exception {
    String boundary = "----modeler" + UUID.randomUUID();
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="modelerDefinitions" targetNamespace="http://itops.org/test">
          <bpmn:process id="modeler-sketch" name="Modeler sketch" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="sketchStarted" name="Sketch started"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String[] field : new String[][] {{"deployment-name", deploymentName}, {"deployment-source", "Camunda Modeler"},
        {"deploy-changed-only", "true"}}) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
          + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"modeler-sketch.bpmn\";"
        + " filename=\"modeler-sketch.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--"
        + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return client.postMultipart(user, "/engine-rest/deployment/create", boundary, body.toByteArray());
  }
}
