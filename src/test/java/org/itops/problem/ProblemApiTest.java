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
