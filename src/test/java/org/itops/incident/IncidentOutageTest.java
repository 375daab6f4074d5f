package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Incidents as outages of their service (what availability counts): a major incident is one from the outage start the
 * reporter gives, else from its report; triage marks or unmarks it, on the timeline.
 */
@SuiteTest
class IncidentOutageTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired IncidentScenario scenario;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired TaskService taskService;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aMajorIncidentIsAnOutageFromTheStartTheReporterGivesUntilTriageUnmarksIt() throws Exception {
    Instant start = clock.instant().minus(Duration.ofMinutes(45)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String number = reported("desk", """
        {"title": "Shop down", "impact": "medium", "urgency": "medium", "category": "network", "major": true,
         "outageStart": "%s"}""".formatted(start));

    JsonNode incident = JSON.readTree(client.get("desk", "/api/incidents/" + number).body());
    assertThat(incident.path("outage").asBoolean()).isTrue();
    assertThat(Instant.parse(incident.path("outageStart").asText())).isEqualTo(start);
    assertThat(scenario.task(number, IncidentProcess.Element.TRIAGE)).isNotNull();

    triage(number, false);

    assertThat(scenario.record(number).isOutage()).isFalse();
    assertThat(scenario.record(number).isMajor()).as("still major: its stakeholders are kept informed").isTrue();
    assertThat(timeline(number)).contains("OUTAGE_UNMARKED").doesNotContain("OUTAGE_MARKED");
  }

  @Test
  void triageMarksAnIncidentThatIsNotMajorAsAnOutageFromItsReport() {
    String number = scenario.report("medium", "medium", "server");
    Incident reported = scenario.record(number);
    assertThat(reported.isOutage()).isFalse();
    assertThat(reported.getOutageStart()).as("kept for a later mark").isEqualTo(reported.getReportedAt());

    triage(number, true);

    assertThat(scenario.record(number).isOutage()).isTrue();
    assertThat(timeline(number)).containsOnlyOnce("OUTAGE_MARKED");
  }

  @Test
  void aP1IsMajorAndSoAnOutageAndTriageStartsWithTheBoxTicked() {
    String number = scenario.report("high", "high", "server");

    assertThat(scenario.record(number).isOutage()).isTrue();
    assertThat(scenario.task(number, IncidentProcess.Element.TRIAGE)).isNotNull();
    assertThat(scenarioVariables(number)).containsEntry("outage", true);
  }

  @Test
  void anOutageStartInTheFutureOrNoTimeIsRefusedInTheRequestsLanguage() {
    String future = clock.instant().plus(Duration.ofHours(1)).toString();
    String body = """
        {"title": "Shop down", "impact": "medium", "urgency": "medium", "category": "network",
         "outageStart": "%s"}""";

    HttpResponse<String> english = client.postJson("requester", "/api/incidents", body.formatted(future));
    HttpResponse<String> chinese = client.send(client.request("requester", "/api/incidents")
        .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
        .POST(BodyPublishers.ofString(body.formatted(future))));
    HttpResponse<String> noTime = client.postJson("requester", "/api/incidents", body.formatted("yesterday noon"));

    assertThat(english.statusCode()).isEqualTo(400);
    assertThat(english.body()).contains("outageStart").contains("is in the future");
    assertThat(chinese.statusCode()).isEqualTo(400);
    assertThat(chinese.body()).contains("outageStart").contains("不能是将来的时间");
    assertThat(noTime.statusCode()).isEqualTo(400);
    assertThat(noTime.body()).contains("outageStart").contains("'yesterday noon' is not a date and time with offset");
  }

  @Test
  void aTriageThatSendsNoYesOrNoForTheOutageIsRefused() {
    String number = scenario.report("medium", "medium", "server");
    Map<String, Object> form = triageForm(number);
    form.put("outage", "perhaps");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> scenario.complete(number, IncidentProcess.Element.TRIAGE,
        "desk", form)).hasMessageContaining("outage");
    assertThat(scenario.task(number, IncidentProcess.Element.TRIAGE)).as("still to triage").isNotNull();
  }

  private String reported(String user, String json) throws Exception {
    HttpResponse<String> created = client.postJson(user, "/api/incidents", json);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("number").asText();
  }

  private void triage(String number, boolean outage) {
    Map<String, Object> form = triageForm(number);
    form.put("outage", outage);
    scenario.complete(number, IncidentProcess.Element.TRIAGE, "desk", form);
  }

  private Map<String, Object> triageForm(String number) {
    Map<String, Object> form = new HashMap<>();
    form.put("priority", scenario.record(number).getPriority());
    form.put("assignedGroup", "ops-engineers");
    return form;
  }

  private Map<String, Object> scenarioVariables(String number) {
    return taskService.getVariables(scenario.task(number, IncidentProcess.Element.TRIAGE).getId());
  }

  private List<String> timeline(String number) {
    return jdbc.queryForList("select type from record_event where record_number = ? order by id", String.class,
        number);
  }
}
