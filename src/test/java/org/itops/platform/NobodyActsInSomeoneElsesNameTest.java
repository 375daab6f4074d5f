package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
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
 * Security model, rule 2: identity comes from the login. Every "who did this" check compares the user who is
 * logged in, never a variable or an assignee a client could have set. Tried over real HTTP with the demo users.
 */
@SuiteTest
class NobodyActsInSomeoneElsesNameTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aRequesterCannotReportAnIncidentForSomeoneElse() throws Exception {
    long before = count("incident");

    HttpResponse<String> api = client.postJson("requester", "/api/incidents", report(", \"reporter\": \"manager\""));
    HttpResponse<String> tasklist = client.postJson("requester",
        "/engine-rest/process-definition/key/incident-lifecycle/submit-form", """
            {"variables": {"title": {"value": "Screen flickers"}, "impact": {"value": "low"},
             "urgency": {"value": "low"}, "category": {"value": "workplace"}, "reporter": {"value": "manager"}}}""");

    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.body()).contains("only the service desk may report for someone else");
    assertThat(tasklist.statusCode()).isEqualTo(400);
    assertThat(tasklist.body()).contains("only the service desk may report for someone else");
    assertThat(count("incident")).isEqualTo(before);
  }

  @Test
  void theServiceDeskReportsForSomeoneElse() throws Exception {
    HttpResponse<String> created = client.postJson("desk", "/api/incidents", report(", \"reporter\": \"requester\""));

    assertThat(created.statusCode()).isEqualTo(201);
    String number = JSON.readTree(created.body()).path("number").asText();
    assertThat(jdbc.queryForObject("select reporter from incident where number = ?", String.class, number))
        .isEqualTo("requester");
  }

  @Test
  void aRequesterCannotDeclareAMajorIncident() throws Exception {
    long before = count("incident");

    HttpResponse<String> refused = client.postJson("requester", "/api/incidents", report(", \"major\": true"));
    HttpResponse<String> declared = client.postJson("desk", "/api/incidents", report(", \"major\": true"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("errors").findValuesAsText("field")).containsExactly("major");
    assertThat(declared.statusCode()).isEqualTo(201);
    assertThat(count("incident")).isEqualTo(before + 1);
  }

  @Test
  void anAuthorCannotApproveTheirArticleByHavingTheReviewAssignedToSomeoneElse() throws Exception {
    HttpResponse<String> proposed = client.postJson("engineer", "/api/knowledge", """
        {"title": "Log partition full", "symptoms": "Services stop writing logs",
         "resolution": "Rotate and compress the logs", "category": "server"}""");
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    String number = JSON.readTree(proposed.body()).path("number").asText();
    assertThat(client.postJson("engineer", "/engine-rest/task/" + task(number, "writeArticle") + "/complete",
        "{\"variables\": {}}").statusCode()).isEqualTo(204);
    String review = task(number, "reviewArticle");
    assertThat(client.postJson("demo", "/engine-rest/task/" + review + "/assignee", "{\"userId\": \"demo\"}")
        .statusCode()).isEqualTo(204);

    HttpResponse<String> refused = client.postJson("engineer", "/engine-rest/task/" + review + "/complete",
        "{\"variables\": {\"decision\": {\"value\": \"approve\"}}}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("you wrote this version");
    assertThat(jdbc.queryForObject("select status from knowledge_article where number = ?", String.class, number))
        .isEqualTo("IN_REVIEW");
  }

  private static String report(String more) {
    return "{\"title\": \"Screen flickers\", \"impact\": \"low\", \"urgency\": \"low\", \"category\": \"workplace\""
        + more + "}";
  }

  private String task(String number, String taskKey) throws Exception {
    JsonNode tasks = JSON.readTree(client.get("demo", "/engine-rest/task?processInstanceBusinessKey=" + number
        + "&taskDefinitionKey=" + taskKey + "&maxResults=10").body());
    assertThat(tasks).as(taskKey + " of " + number).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
