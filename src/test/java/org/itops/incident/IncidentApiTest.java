package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** /api/incidents over real HTTP, with the records checked in the database. */
@SuiteTest
class IncidentApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALID = """
      {"title": "VPN drops every hour", "description": "Since Monday", "impact": "medium", "urgency": "high",
       "category": "network", "configurationItem": "vpn-gw-02"}""";

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired IncidentScenario scenario;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aReportAnswers201WithTheNumberAndWhereToFindIt() throws Exception {
    HttpResponse<String> created = client.postJson("requester", "/api/incidents", VALID);

    assertThat(created.statusCode()).isEqualTo(201);
    String number = JSON.readTree(created.body()).path("number").asText();
    assertThat(number).matches("INC-\\d{6}");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/incidents/" + number);
    assertThat(jdbc.queryForMap("select title, reporter, source, status, priority from incident where number = ?",
        number)).containsEntry("TITLE", "VPN drops every hour").containsEntry("REPORTER", "requester")
        .containsEntry("SOURCE", "api").containsEntry("STATUS", "REGISTERED").containsEntry("PRIORITY", "P2");

    JsonNode incident = JSON.readTree(client.get("requester", "/api/incidents/" + number).body());
    assertThat(incident.path("priority").asText()).isEqualTo("P2");
    assertThat(incident.path("sla").path("responseTarget").asText()).isEqualTo("PT30M");
    assertThat(incident.path("sla").path("responseDue").asText()).isNotEmpty();
    assertThat(incident.path("sla").path("resolutionDue").asText()).isNotEmpty();
    assertThat(incident.path("timeline").get(0).path("type").asText()).isEqualTo("REPORTED");
  }

  @Test
  void itsReporterSeesTheStepsOfTheIncidentButNotTheDesksInnerWork() throws Exception {
    String number = JSON.readTree(client.postJson("requester", "/api/incidents", VALID).body()).path("number")
        .asText();
    scenario.triage(number, "P1", "The VPN carries the payroll run tonight");
    scenario.take(number);
    assertThat(client.postJson("desk", "/api/incidents/" + number + "/reassign",
        "{\"group\": \"service-desk\", \"reason\": \"The firewall team owns the gateway\"}").statusCode())
        .isEqualTo(202);

    JsonNode reporters = JSON.readTree(client.get("requester", "/api/incidents/" + number).body());
    JsonNode desks = JSON.readTree(client.get("desk", "/api/incidents/" + number).body());

    assertThat(types(reporters)).contains("REPORTED", "CLASSIFIED", "ASSIGNED", "RESPONDED")
        .doesNotContain("PRIORITY_OVERRIDDEN", "REASSIGNED");
    assertThat(reporters.path("priority").asText()).isEqualTo("P1");
    assertThat(reporters.path("priorityReason").isNull()).isTrue();
    assertThat(reporters.toString()).doesNotContain("payroll run", "firewall team");
    assertThat(types(desks)).contains("PRIORITY_OVERRIDDEN", "REASSIGNED");
    assertThat(desks.path("priorityReason").asText()).isEqualTo("The VPN carries the payroll run tonight");
  }

  private static List<String> types(JsonNode incident) {
    List<String> types = new ArrayList<>();
    incident.path("timeline").forEach(entry -> types.add(entry.path("type").asText()));
    return types;
  }

  @Test
  void badInputGets400WithEveryFieldAndCreatesNothing() throws Exception {
    long before = incidentCount();

    HttpResponse<String> refused = client.postJson("requester", "/api/incidents", """
        {"title": "", "impact": "enormous", "urgency": "low", "category": "coffee-machine",
         "description": "%s"}""".formatted("x".repeat(4001)));

    assertThat(refused.statusCode()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    JSON.readTree(refused.body()).path("errors").forEach(error -> fields.add(error.path("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("title", "impact", "category", "description");
    assertThat(client.postJson("requester", "/api/incidents", "{\"title\": ").statusCode()).isEqualTo(400);
    assertThat(client.postJson("requester", "/api/incidents", "{\"title\": [1]}").statusCode()).isEqualTo(400);
    assertThat(incidentCount()).isEqualTo(before);
  }

  @Test
  void onlyRequestersAndTheServiceDeskReport() {
    assertThat(client.postJson("engineer", "/api/incidents", VALID).statusCode()).isEqualTo(403);
    assertThat(client.postJson("desk", "/api/incidents", VALID).statusCode()).isEqualTo(201);
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeyCreatesOneIncident() throws Exception {
    String key = UUID.randomUUID().toString();
    long before = incidentCount();

    HttpResponse<String> first = postWithKey("requester", key, VALID);
    HttpResponse<String> retry = postWithKey("requester", key, VALID);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(JSON.readTree(retry.body()).path("number")).isEqualTo(JSON.readTree(first.body()).path("number"));
    assertThat(incidentCount()).isEqualTo(before + 1);
    assertThat(postWithKey("requester", key, VALID.replace("VPN", "WLAN")).statusCode()).isEqualTo(409);
  }

  @Test
  void twoIdenticalRequestsAtTheSameMomentCreateOneIncident() throws Exception {
    String key = UUID.randomUUID().toString();
    long before = incidentCount();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<HttpResponse<String>> post = () -> postWithKey("requester", key, VALID);
        sent.add(pool.submit(post));
      }
      List<String> numbers = new ArrayList<>();
      for (Future<HttpResponse<String>> response : sent) {
        assertThat(response.get().statusCode()).isEqualTo(201);
        numbers.add(JSON.readTree(response.get().body()).path("number").asText());
      }
      assertThat(numbers).containsOnly(numbers.get(0));
      assertThat(incidentCount()).isEqualTo(before + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void requestersSeeTheirOwnIncidentsAndThoseWhoWatchIncidentsSeeAll() throws Exception {
    String number = JSON.readTree(client.postJson("requester", "/api/incidents", VALID).body()).path("number").asText();

    assertThat(client.get("requester", "/api/incidents/" + number).statusCode()).isEqualTo(200);
    assertThat(client.get("desk", "/api/incidents/" + number).statusCode()).isEqualTo(200);
    assertThat(client.get("engineer", "/api/incidents/" + number).statusCode()).isEqualTo(200);
    assertThat(client.get("owner", "/api/incidents/" + number).statusCode()).isEqualTo(200);
    assertThat(client.get("cab1", "/api/incidents/" + number).statusCode()).isEqualTo(404);
    assertThat(client.get("desk", "/api/incidents/INC-999999").statusCode()).isEqualTo(404);
    assertThat(listedNumbers("cab1", "")).doesNotContain(number);
  }

  @Test
  void theListFiltersAndPages() throws Exception {
    String p1 = JSON.readTree(client.postJson("desk", "/api/incidents",
        VALID.replace("\"medium\"", "\"high\"")).body()).path("number").asText();

    assertThat(listedNumbers("desk", "?priority=P1&status=REGISTERED&size=100")).contains(p1);
    assertThat(listedNumbers("desk", "?priority=P4&size=100")).doesNotContain(p1);
    JsonNode page = JSON.readTree(client.get("desk", "/api/incidents?size=1&page=0").body());
    assertThat(page.path("items")).hasSize(1);
    assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(client.get("desk", "/api/incidents?status=LOST").statusCode()).isEqualTo(400);
    assertThat(client.get("desk", "/api/incidents?size=1000").statusCode()).isEqualTo(400);
    assertThat(client.get("desk", "/api/incidents?page=x").statusCode()).isEqualTo(400);
  }

  @Test
  void theServiceDeskReassignsAnIncidentBeingWorkedOn() throws Exception {
    String number = scenario.reportAndTake("medium", "medium");
    String body = "{\"group\": \"security-team\", \"reason\": \"Phishing\"}";

    assertThat(client.postJson("engineer", "/api/incidents/" + number + "/reassign", body).statusCode()).isEqualTo(403);
    assertThat(client.postJson("desk", "/api/incidents/" + number + "/reassign",
        "{\"group\": \"coffee\", \"reason\": \"x\"}").statusCode()).isEqualTo(400);
    assertThat(client.postJson("desk", "/api/incidents/" + number + "/reassign", body).statusCode()).isEqualTo(202);

    assertThat(JSON.readTree(client.get("desk", "/api/incidents/" + number).body()).path("assignedGroup").asText())
        .isEqualTo("security-team");
  }

  @Test
  void aTaskCompletionThatBreaksARuleIsA400ThroughTheEngineRestApi() throws Exception {
    String number = scenario.report("low", "low", "workplace");
    String taskId = scenario.task(number, IncidentProcess.Element.TRIAGE).getId();
    client.postJson("desk", "/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"desk\"}");

    HttpResponse<String> refused = client.postJson("desk", "/engine-rest/task/" + taskId + "/complete", """
        {"variables": {"priority": {"value": "P1"}, "assignedGroup": {"value": "service-desk"}}}""");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("overrideReason: is required");
    assertThat(scenario.record(number).getStatus()).isEqualTo(Incident.Status.REGISTERED);
  }

  @Test
  void aTaskCompletionWithoutAChoiceIsA400ThatNamesTheField() throws Exception {
    String number = scenario.report("low", "low", "workplace");
    scenario.complete(number, IncidentProcess.Element.TRIAGE, "desk", Map.of("priority",
        taskService.getVariable(scenario.task(number, IncidentProcess.Element.TRIAGE).getId(), "priority"),
        "assignedGroup", "ops-engineers"));
    scenario.complete(number, IncidentProcess.Element.TAKE, "engineer", Map.of());
    String work = scenario.task(number, IncidentProcess.Element.WORK).getId();

    // a REST client (not the form) that sends no outcome at all: refused with the field named, not a server error
    HttpResponse<String> noOutcome = client.postJson("engineer", "/engine-rest/task/" + work + "/complete",
        "{\"variables\": {}}");

    assertThat(noOutcome.statusCode()).isEqualTo(400);
    assertThat(noOutcome.body()).contains("outcome");
    assertThat(scenario.task(number, IncidentProcess.Element.WORK)).isNotNull();
  }

  private HttpResponse<String> postWithKey(String user, String key, String body) {
    return client.send(client.request(user, "/api/incidents").header("Content-Type", "application/json")
        .header("Idempotency-Key", key).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
  }

  private List<String> listedNumbers(String user, String query) throws Exception {
    List<String> numbers = new ArrayList<>();
    JSON.readTree(client.get(user, "/api/incidents" + query).body()).path("items")
        .forEach(item -> numbers.add(item.path("number").asText()));
    return numbers;
  }

  private long incidentCount() {
    return jdbc.queryForObject("select count(*) from incident", Long.class);
  }

}
