package org.itops.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.RepositoryService;
import org.itops.MutableClock;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A month of four incidents through the real process, on a day of their own far ahead, and the what-if of a changed
 * table on it, the expected answers worked out by hand in the comments.
 */
@SuiteTest
class WhatIfApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STANDARD_P2 = "responseTarget=PT30M, resolutionTarget=PT8H";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired ProcessSteps steps;
  @Autowired RepositoryService repositoryService;
  @Autowired DecisionInputs decisionInputs;
  @Autowired JdbcTemplate jdbc;
  SuiteClient client;
  Instant monthStart;
  List<String> numbers = new ArrayList<>();

  @BeforeEach
  void seedAMonth() throws IOException {
    client = new SuiteClient(port);
    // a day no other test's records share: the recorded evaluations of the period are these incidents' only
    monthStart = Instant.parse("2200-01-01T00:00:00Z").plus(Duration.ofDays(31L * new Random().nextInt(10_000)));
    clock.advance(Duration.between(clock.instant(), monthStart));
    // impact, urgency (-> priority), minutes to take, minutes to resolve; a day between reports
    incident("high", "medium", 20, 6 * 60);    // A P2: resolved in 6 h, within 8 h, not within 4 h
    incident("medium", "high", 40, 10 * 60);   // B P2: taken late (30 min), resolved late under both targets
    incident("high", "medium", 10, 3 * 60);    // C P2: within both
    incident("high", "low", 10, 6 * 60);       // D P3: resolution target 3 days either way
  }

  @AfterEach
  void backToNow() {
    clock.reset();
  }

  @Test
  void aTightenedP2ResolutionTargetAddsExactlyTheBreachesOfTheIncidentsBetweenTheTwoTargets() throws IOException {
    long deployedBefore = repositoryService.createDecisionDefinitionQuery().count();
    byte[] tightened = table("incident/service-level-targets.dmn",
        "<outputEntry id=\"standardP2TargetsResolution\"><text>\"PT8H\"</text>",
        "<outputEntry id=\"standardP2TargetsResolution\"><text>\"PT4H\"</text>");

    JsonNode answer = whatIf("modeler", "service-level-targets", tightened);

    assertThat(answer.path("evaluated").asInt()).isEqualTo(4);
    assertThat(answer.path("changed").asInt()).isEqualTo(3);                  // A B C
    assertThat(answer.path("matrix").toString()).isEqualTo(JSON.createArrayNode().add(JSON.createObjectNode()
        .put("from", STANDARD_P2).put("to", "responseTarget=PT30M, resolutionTarget=PT4H").put("count", 3))
        .toString());
    assertThat(numbers(answer.path("affected"), "number")).containsExactly(c(), b(), a());
    assertThat(answer.path("affected").get(0).path("view").asText()).isEqualTo("/api/incidents/" + c());
    JsonNode breaches = answer.path("breaches");
    assertThat(numbers(breaches.path("resolutionAdded"), null)).containsExactly(a()); // 6 h > 4 h, not > 8 h
    assertThat(numbers(breaches.path("resolutionRemoved"), null)).isEmpty();
    assertThat(numbers(breaches.path("responseAdded"), null)).isEmpty();
    assertThat(numbers(breaches.path("responseRemoved"), null)).isEmpty();
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).as("nothing deployed")
        .isEqualTo(deployedBefore);
  }

  @Test
  void aLoosenedResponseTargetRemovesTheLateTakingsBreach() throws IOException {
    byte[] loosened = table("incident/service-level-targets.dmn",
        "<outputEntry id=\"standardP2TargetsResponse\"><text>\"PT30M\"</text>",
        "<outputEntry id=\"standardP2TargetsResponse\"><text>\"PT1H\"</text>");

    JsonNode breaches = whatIf("manager", "service-level-targets", loosened).path("breaches");

    assertThat(numbers(breaches.path("responseRemoved"), null)).containsExactly(b());  // taken after 40 min
    assertThat(numbers(breaches.path("responseAdded"), null)).isEmpty();
    assertThat(numbers(breaches.path("resolutionAdded"), null)).isEmpty();
  }

  @Test
  void aChangedPriorityShowsWhichOutcomesMoveAndNoBreaches() throws IOException {
    byte[] changed = table("incident/incident-priority.dmn",
        "<outputEntry id=\"highImpactLowUrgencyPriority\"><text>\"P3\"</text>",
        "<outputEntry id=\"highImpactLowUrgencyPriority\"><text>\"P2\"</text>");

    JsonNode answer = whatIf("modeler", "incident-priority", changed);

    assertThat(answer.path("evaluated").asInt()).isEqualTo(4);
    assertThat(answer.path("changed").asInt()).isEqualTo(1);
    assertThat(answer.path("matrix").toString()).isEqualTo("[{\"from\":\"P3\",\"to\":\"P2\",\"count\":1}]");
    assertThat(numbers(answer.path("affected"), "number")).containsExactly(d());
    assertThat(answer.path("breaches").isNull()).isTrue();
  }

  @Test
  void theTableInForceUnchangedChangesNothingAndCountsEachRecordOnce() throws IOException {
    JsonNode answer = whatIf("modeler", "incident-assignment", table("incident/incident-assignment.dmn", "", ""));

    // the registration also asks the table whether the category is known, before the incident has its number: a
    // check, not the decision, which the process makes
    assertThat(answer.path("evaluated").asInt()).isEqualTo(4);
    assertThat(answer.path("changed").asInt()).isZero();
    assertThat(answer.path("matrix").size()).isZero();
    assertThat(answer.path("affected").size()).isZero();
  }

  @Test
  void evaluationsOlderThan400DaysAreRemovedAndYoungerOnesKept() {
    String number = a();
    jdbc.update("insert into decision_input (decision_key, record_number, evaluated_at, inputs, outcome)"
        + " values ('incident-priority', ?, ?, '{}', 'P4')", number, Timestamp.from(clock.instant().minus(
            Duration.ofDays(401))));
    long before = jdbc.queryForObject("select count(*) from decision_input where record_number = ?", Long.class,
        number);

    decisionInputs.removeOld();

    assertThat(jdbc.queryForObject("select count(*) from decision_input where record_number = ?", Long.class,
        number)).isEqualTo(before - 1);
  }

  @Test
  void aTableThatIsNotThatDecisionsOrDoesNotParseOrReadsAnUnrecordedInputIsRefusedByName() throws IOException {
    byte[] priority = table("incident/incident-priority.dmn", "", "");

    assertRefused(upload("modeler", "service-level-targets", "notes.dmn", "not a table".getBytes()), "notes.dmn");
    assertRefused(upload("modeler", "service-level-targets", "incident-priority.dmn", priority),
        "service-level-targets");
    assertRefused(upload("modeler", "problem-detection", "incident-priority.dmn", priority), "problem-detection");
    assertRefused(upload("modeler", "incident-priority", "incident-priority.dmn",
        table("incident/incident-priority.dmn", "<text>urgency</text>", "<text>weather</text>")), "weather");
    assertRefused(upload("modeler", "incident-priority", "incident-priority.dmn",
        table("incident/incident-priority.dmn", "<text>\"P2\"</text>", "<text>${execution.processEngine}</text>")),
        "execution.processEngine");   // refused as its deployment would be: evaluating is running it
    assertRefused(client.send(client.fileUpload("modeler", "/api/decisions/incident-priority/what-if?from=yesterday",
        "incident-priority.dmn", priority)), "yesterday");
    assertRefused(client.send(client.fileUpload("modeler",
        "/api/decisions/incident-priority/what-if?from=2030-02-01&to=2030-01-01", "incident-priority.dmn", priority)),
        "400");
    assertRefused(client.send(client.fileUpload("modeler",
        "/api/decisions/incident-priority/what-if?from=2030-01-01&to=2031-03-01", "incident-priority.dmn", priority)),
        "400");
    assertRefused(client.send(client.fileUpload("modeler", "/api/decisions/incident-priority/what-if",
        "notes.dmn", "not a table".getBytes()).header("Accept-Language", "zh-CN")), "不是可解析的 DMN 文件");
    assertRefused(client.postMultipart("modeler", "/api/decisions/incident-priority/what-if", "b", ("--b\r\n"
        + "Content-Disposition: form-data; name=\"note\"\r\n\r\nno file\r\n--b--\r\n").getBytes()), ".dmn");
  }

  @Test
  void onlyProcessOwnersAndItManagersAskWhatIf() throws IOException {
    byte[] priority = table("incident/incident-priority.dmn", "", "");

    assertThat(upload("requester", "incident-priority", "incident-priority.dmn", priority).statusCode()).isEqualTo(403);
    assertThat(upload("desk", "incident-priority", "incident-priority.dmn", priority).statusCode()).isEqualTo(403);
    assertThat(upload("engineer", "incident-priority", "incident-priority.dmn", priority).statusCode())
        .isEqualTo(403);
    assertThat(upload("manager", "incident-priority", "incident-priority.dmn", priority).statusCode()).isEqualTo(200);
    assertThat(upload("modeler", "incident-priority", "incident-priority.dmn", priority).statusCode()).isEqualTo(200);
  }

  private void incident(String impact, String urgency, int minutesToTake, int minutesToResolve) throws IOException {
    clock.advance(Duration.ofDays(1));
    HttpResponse<String> reported = client.postJson("requester", "/api/incidents", """
        {"title": "What-if seed", "description": "Seeded", "impact": "%s", "urgency": "%s", "category": "server"}"""
        .formatted(impact, urgency));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    String number = JSON.readTree(reported.body()).path("number").asText();
    numbers.add(number);
    steps.complete(number, "triageIncident", "desk", Map.of("priority",
        steps.runtime().getVariable(steps.instance(number).getId(), "priority"), "assignedGroup", "ops-engineers"));
    clock.advance(Duration.ofMinutes(minutesToTake));
    steps.complete(number, "takeIncident", "engineer", Map.of());
    clock.advance(Duration.ofMinutes(minutesToResolve - minutesToTake));
    steps.complete(number, "workOnIncident", "engineer", Map.of("outcome", "resolved", "resolutionCode", "FIXED",
        "resolutionNotes", "Restarted"));
  }

  private JsonNode whatIf(String user, String key, byte[] table) throws IOException {
    HttpResponse<String> answer = upload(user, key, key + ".dmn", table);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private HttpResponse<String> upload(String user, String key, String fileName, byte[] table) {
    return client.upload(user, "/api/decisions/" + key + "/what-if?from=" + monthStart + "&to="
        + monthStart.plus(Duration.ofDays(31)), fileName, table);
  }

  private static void assertRefused(HttpResponse<String> answer, String named) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.statusCode() + answer.body()).contains(named);
  }

  /** A table of processes/ as Camunda Modeler saves it, with one text changed. */
  private static byte[] table(String path, String text, String changed) throws IOException {
    String table = Files.readString(Path.of("processes", path), StandardCharsets.UTF_8);
    assertThat(table).contains(text);
    return table.replace(text, changed).getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> numbers(JsonNode list, String field) {
    List<String> numbers = new ArrayList<>();
    list.forEach(item -> numbers.add(field == null ? item.asText() : item.path(field).asText()));
    return numbers;
  }

  private String a() {
    return numbers.get(0);
  }

  private String b() {
    return numbers.get(1);
  }

  private String c() {
    return numbers.get(2);
  }

  private String d() {
    return numbers.get(3);
  }
}
