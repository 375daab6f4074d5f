package org.itops.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/problems}: raise (once per Idempotency-Key), read, list, link and unlink incidents; refusals in the
 * request's language; requesters neither raise nor read problems.
 */
@SuiteTest
class ProblemApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProblemScenario scenario;
  @Autowired JdbcTemplate jdbc;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aRaisedProblemLinksItsIncidentsAndARetriedRequestRaisesItOnce() throws Exception {
    String item = scenario.item();
    String incident = scenario.incident(item, "server");
    String body = JSON.writeValueAsString(java.util.Map.of("title", "Disk fills up", "category", "server",
        "configurationItem", item, "incidents", List.of(incident)));
    String key = UUID.randomUUID().toString();

    HttpResponse<String> created = raise("manager", body, key);
    HttpResponse<String> retried = raise("manager", body, key);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String number = JSON.readTree(created.body()).path("number").asText();
    assertThat(number).matches("PRB-\\d{6}");
    assertThat(JSON.readTree(retried.body()).path("number").asText()).isEqualTo(number);
    assertThat(jdbc.queryForObject("select count(*) from problem where configuration_item = ?", Long.class, item))
        .isEqualTo(1);
    JsonNode details = JSON.readTree(client.get("engineer", "/api/problems/" + number).body());
    assertThat(details.path("problem").path("status").asText()).isEqualTo("INVESTIGATING");
    assertThat(details.path("problem").path("incidents").get(0).asText()).isEqualTo(incident);
    assertThat(details.path("timeline").findValuesAsText("detail")).contains("Incident " + incident + " linked");
    assertThat(JSON.readTree(client.get("desk", "/api/problems?status=INVESTIGATING&size=100").body())
        .path("items").findValuesAsText("number")).contains(number);
  }

  @Test
  void incidentsAreLinkedOnceAndUnlinked() throws Exception {
    String item = scenario.item();
    String number = JSON.readTree(raise("manager", JSON.writeValueAsString(java.util.Map.of("title", "Slow backups",
        "category", "server", "configurationItem", item)), null).body()).path("number").asText();
    String incident = scenario.incident(item, "network");

    assertThat(put("manager", number, incident).statusCode()).isEqualTo(204);
    assertThat(put("manager", number, incident).statusCode()).as("a second link").isEqualTo(204);
    assertThat(scenario.record(number).incidents()).containsExactly(incident);
    assertThat(linkedEntries(incident)).isEqualTo(1);

    assertThat(client.send(client.request("manager", "/api/problems/" + number + "/incidents/" + incident)
        .DELETE()).statusCode()).isEqualTo(204);
    assertThat(scenario.record(number).incidents()).isEmpty();
    assertThat(put("manager", number, "INC-999999").statusCode()).isEqualTo(400);
  }

  @Test
  void badRequestsAreRefusedInTheRequestsLanguageAndLeaveNothing() throws Exception {
    long before = jdbc.queryForObject("select count(*) from problem", Long.class);
    String bad = """
        {"title": "", "category": "server", "incidents": ["INC-999999"]}""";

    JsonNode english = JSON.readTree(client.send(client.request("manager", "/api/problems")
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(bad))).body());
    JsonNode chinese = JSON.readTree(client.send(client.request("manager", "/api/problems")
        .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
        .POST(BodyPublishers.ofString(bad))).body());

    assertThat(reasons(english)).containsExactly("title: must have 1 to 200 characters",
        "incidents: INC-999999 is not an incident of the suite");
    assertThat(reasons(chinese)).containsExactly("title: 必须为 1 到 200 个字符",
        "incidents: INC-999999 不是套件中的事件");
    assertThat(jdbc.queryForObject("select count(*) from problem", Long.class)).isEqualTo(before);
    HttpResponse<String> unknownStatus = client.get("desk", "/api/problems?status=GONE");
    assertThat(unknownStatus.statusCode()).isEqualTo(400);
    assertThat(reasons(JSON.readTree(unknownStatus.body()))).singleElement().asString().startsWith("status: ")
        .contains("INVESTIGATING");
  }

  @Test
  void requestersNeitherRaiseNorReadProblems() throws Exception {
    String number = JSON.readTree(raise("manager", """
        {"title": "Printer queue stalls", "category": "server"}""", null).body()).path("number").asText();

    assertThat(raise("requester", """
        {"title": "Mine", "category": "server"}""", null).statusCode()).isEqualTo(403);
    assertThat(client.get("requester", "/api/problems").statusCode()).isEqualTo(403);
    assertThat(client.get("requester", "/api/problems/" + number).statusCode()).isEqualTo(404);
    assertThat(put("requester", number, "INC-000001").statusCode()).isEqualTo(403);
  }

  @Test
  void aStaffMemberRaisesAProblemFromTasklistsStartFormWithTheRulesOfTheApi() throws Exception {
    String item = scenario.item();
    String incident = scenario.incident(item, "database");
    String path = "/engine-rest/process-definition/key/new-problem/submit-form";
    long before = jdbc.queryForObject("select count(*) from problem", Long.class);

    HttpResponse<String> bad = client.postJson("engineer", path, startForm("", item, "INC-999999"));
    HttpResponse<String> refused = client.postJson("requester", path, startForm("Mine", item, incident));

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("must have 1 to 200 characters", "INC-999999 is not an incident of the suite");
    assertThat(refused.statusCode()).as("the engine shows no definition to who may not start it").isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from problem", Long.class)).as("refusals write nothing")
        .isEqualTo(before);

    HttpResponse<String> started = client.postJson("engineer", path, startForm("Replica lags at night", item,
        incident.toLowerCase() + ", " + incident));

    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String number = JSON.readTree(started.body()).path("businessKey").asText();
    assertThat(number).matches("PRB-\\d{6}");
    Problem problem = scenario.record(number);
    assertThat(problem.title()).isEqualTo("Replica lags at night");
    assertThat(problem.incidents()).containsExactly(incident);
    assertThat(problem.raisedBy()).isEqualTo("engineer");
    scenario.investigate(number, "The replica's disk is the slowest tier", null); // its problem-management runs
    assertThat(scenario.record(number).rootCause()).isEqualTo("The replica's disk is the slowest tier");
  }

  private String startForm(String title, String item, String incidents) throws Exception {
    return JSON.writeValueAsString(java.util.Map.of("variables", java.util.Map.of(
        "title", java.util.Map.of("value", title), "category", java.util.Map.of("value", "database"),
        "configurationItem", java.util.Map.of("value", item), "incidents", java.util.Map.of("value", incidents))));
  }

  private HttpResponse<String> raise(String user, String body, String key) {
    var request = client.request(user, "/api/problems").header("Content-Type", "application/json");
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return client.send(request.POST(BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> put(String user, String number, String incident) {
    return client.send(client.request(user, "/api/problems/" + number + "/incidents/" + incident)
        .PUT(BodyPublishers.noBody()));
  }

  private long linkedEntries(String incident) {
    return jdbc.queryForObject("select count(*) from record_event where record_number = ? and type = 'PROBLEM_LINKED'",
        Long.class, incident);
  }

  private static List<String> reasons(JsonNode refusal) {
    List<String> reasons = new java.util.ArrayList<>();
    refusal.path("errors").forEach(error -> reasons.add(error.path("field").asText() + ": "
        + error.path("reason").asText()));
    return reasons;
  }
}
