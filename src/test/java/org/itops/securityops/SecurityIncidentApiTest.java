package org.itops.securityops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * /api/security-incidents over real HTTP, and confidentiality: nobody outside security-team gets anything of a
 * security incident through /api or /engine-rest; its reporter sees their own report's status only.
 */
@SuiteTest
class SecurityIncidentApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Users outside security-team: the reporter (desk), staff, an IT manager, a process owner, a requester. */
  private static final List<String> OUTSIDERS = List.of("desk", "engineer", "manager", "modeler", "requester", "cab1");

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired SecurityIncidentScenario scenario;
  @Autowired ProcessSteps steps;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void theServiceDeskReportsOnceAndThenSeesOnlyTheStatusOfItsOwnReport() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = report("Laptop with customer files stolen " + UUID.randomUUID());

    HttpResponse<String> first = post("desk", key, body);
    HttpResponse<String> retried = post("desk", key, body);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String number = JSON.readTree(first.body()).path("number").asText();
    assertThat(retried.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(retried.body()).path("number").asText()).isEqualTo(number);
    assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(jdbc.queryForObject("select count(*) from security_incident where number = ?", Long.class, number))
        .isOne();

    JsonNode own = JSON.readTree(client.get("desk", "/api/security-incidents/" + number).body());
    assertThat(own.path("number").asText()).isEqualTo(number);
    assertThat(own.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(own.has("description")).as("the reporter's view holds no findings").isFalse();
    assertThat(own.has("timeline")).isFalse();
    assertThat(numbers("desk")).contains(number);
  }

  @Test
  void theSecurityTeamReadsEverythingAndRecordsEvidenceWithWhoAndWhen() throws Exception {
    String number = reportedBy("desk");

    HttpResponse<String> evidence = client.postJson("secops", "/api/security-incidents/" + number + "/evidence",
        "{\"description\":\"Disk image of the laptop's last backup\",\"location\":\"evidence locker 4\"}");
    assertThat(evidence.statusCode()).as(evidence.body()).isEqualTo(204);

    JsonNode details = JSON.readTree(client.get("secops", "/api/security-incidents/" + number).body());
    assertThat(details.path("incident").path("description").asText()).isEqualTo("Left on a train");
    JsonNode last = details.path("timeline").get(details.path("timeline").size() - 1);
    assertThat(last.path("type").asText()).isEqualTo("EVIDENCE");
    assertThat(last.path("actor").asText()).isEqualTo("secops");
    assertThat(last.path("at").asText()).isNotEmpty();
    assertThat(numbers("secops")).contains(number);
  }

  @Test
  void nobodyOutsideTheSecurityTeamGetsAnythingThroughTheApi() throws Exception {
    String number = reportedBy("desk");

    for (String outsider : OUTSIDERS.subList(1, OUTSIDERS.size())) {
      HttpResponse<String> read = client.get(outsider, "/api/security-incidents/" + number);
      assertThat(read.statusCode()).as(outsider).isEqualTo(404);
      assertThat(read.body()).doesNotContain("Laptop");
      assertThat(numbers(outsider)).as(outsider).doesNotContain(number);
    }
    for (String outsider : OUTSIDERS) {
      assertThat(client.postJson(outsider, "/api/security-incidents/" + number + "/evidence",
          "{\"description\":\"planted\"}").statusCode()).as(outsider).isEqualTo(403);
    }
  }

  @Test
  void nobodyOutsideTheSecurityTeamGetsAnythingThroughTheEngineRestApi() throws Exception {
    String number = reportedBy("desk");
    scenario.triageAndContain(number, "identification", 40);
    String instanceId = steps.instance(number).getId();
    List<String> queries = List.of(
        "/engine-rest/process-instance?businessKey=" + number,
        "/engine-rest/process-instance?processDefinitionKey=security-incident",
        "/engine-rest/task?processInstanceBusinessKey=" + number,
        "/engine-rest/task?processDefinitionKey=security-incident",
        "/engine-rest/variable-instance?processInstanceIdIn=" + instanceId,
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + number,
        "/engine-rest/history/task?processInstanceBusinessKey=" + number,
        "/engine-rest/history/activity-instance?processInstanceId=" + instanceId,
        "/engine-rest/history/variable-instance?processInstanceId=" + instanceId,
        "/engine-rest/job?processInstanceId=" + instanceId).stream().map(SecurityIncidentApiTest::paged).toList();

    for (String query : queries.subList(0, 8)) {
      assertThat(list("secops", query)).as("secops " + query).isNotEmpty();
    }
    for (String query : queries) {
      assertThat(list("demo", query)).as("an administrator sees " + query).isNotEmpty();
      for (String outsider : OUTSIDERS) {
        assertThat(list(outsider, query)).as(outsider + " " + query).isEmpty();
      }
    }
    for (String outsider : OUTSIDERS) {
      assertThat(client.get(outsider, "/engine-rest/process-instance/" + instanceId).statusCode()).as(outsider)
          .isIn(403, 404);
      assertThat(client.get(outsider, "/engine-rest/process-instance/" + instanceId + "/variables").statusCode())
          .as(outsider).isIn(403, 404);
      assertThat(client.get(outsider, "/engine-rest/history/process-instance/" + instanceId).statusCode())
          .as(outsider).isIn(403, 404);
    }
  }

  @Test
  void nobodyOutsideTheSecurityTeamFindsItInTasklistOrCockpit() throws Exception {
    String number = reportedBy("desk");
    String instanceId = steps.instance(number).getId();
    List<String> queries = List.of(
        "/camunda/api/engine/engine/default/process-instance?businessKey=" + number,
        "/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + number,
        "/camunda/api/engine/engine/default/variable-instance?processInstanceIdIn=" + instanceId,
        "/camunda/api/engine/engine/default/history/process-instance?processInstanceBusinessKey=" + number,
        "/camunda/api/engine/engine/default/history/task?processInstanceBusinessKey=" + number).stream()
        .map(SecurityIncidentApiTest::paged).toList();

    SuiteClient.WebappSession team = client.webappSession("secops", "secops", "tasklist");
    assertThat(team.loginStatus()).isEqualTo(200);
    for (String query : queries) {
      assertThat(JSON.readTree(team.get(query).body())).as("secops " + query).isNotEmpty();
    }
    // the webapp each outsider may log into: Cockpit for those who watch other processes, else Tasklist
    for (String outsider : OUTSIDERS) {
      String app = List.of("requester", "cab1").contains(outsider) ? "tasklist" : "cockpit";
      SuiteClient.WebappSession session = client.webappSession(outsider, outsider, app);
      assertThat(session.loginStatus()).as(outsider).isEqualTo(200);
      for (String query : queries) {
        HttpResponse<String> response = session.get(query);
        assertThat(response.statusCode()).as(outsider + " " + query).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).as(outsider + " " + query).isEmpty();
      }
      assertThat(session.get("/camunda/api/engine/engine/default/process-instance/" + instanceId).statusCode())
          .as(outsider).isIn(403, 404);
    }
  }

  @Test
  void aReportWithoutSeverityAndWithDatesOutOfOrderIsRefusedAndCreatesNothing() throws Exception {
    long before = jdbc.queryForObject("select count(*) from security_incident", Long.class);

    HttpResponse<String> refused = post("desk", UUID.randomUUID().toString(), "{\"summary\":\"Odd login\","
        + "\"description\":\"\",\"detectedAt\":\"" + clock.instant().plus(Duration.ofHours(3)) + "\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    JSON.readTree(refused.body()).path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("description", "severity", "detectedAt");
    assertThat(jdbc.queryForObject("select count(*) from security_incident", Long.class)).isEqualTo(before);
  }

  @Test
  void onlyTheSecurityTeamAndTheServiceDeskMayReport() {
    assertThat(post("engineer", UUID.randomUUID().toString(), report("Port scan")).statusCode()).isEqualTo(403);
    assertThat(post("requester", UUID.randomUUID().toString(), report("Port scan")).statusCode()).isEqualTo(403);
  }

  private String reportedBy(String user) throws Exception {
    HttpResponse<String> created = post(user, UUID.randomUUID().toString(), report("Laptop " + UUID.randomUUID()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String number = JSON.readTree(created.body()).path("number").asText();
    steps.runAsyncJobs(number);
    return number;
  }

  private String report(String summary) {
    return "{\"summary\":\"" + summary + "\",\"description\":\"Left on a train\",\"severity\":\"high\","
        + "\"detectedAt\":\"" + clock.instant().minus(Duration.ofHours(2)) + "\",\"affectedAssets\":\"laptop-17\"}";
  }

  private HttpResponse<String> post(String user, String key, String body) {
    return client.send(client.request(user, "/api/security-incidents").header("Content-Type", "application/json")
        .header("Idempotency-Key", key).POST(BodyPublishers.ofString(body)));
  }

  private List<String> numbers(String user) throws Exception {
    HttpResponse<String> response = client.get(user, "/api/security-incidents");
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> numbers = new ArrayList<>();
    JSON.readTree(response.body()).path("items").forEach(item -> numbers.add(item.path("number").asText()));
    return numbers;
  }

  /** The engine's list queries name a page (queryMaxResultsLimit). */
  private static String paged(String query) {
    return query + "&maxResults=100";
  }

  private JsonNode list(String user, String query) throws Exception {
    HttpResponse<String> response = client.get(user, query);
    assertThat(response.statusCode()).as(user + " " + query + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
