package org.itops.demand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.catalog.CatalogScenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A demand driven through service-demand, service-implementation and delivery-acceptance over REST: /api/demands for
 * the record, /engine-rest for every task as its people do it (only the job executor's mail jobs and the warranty
 * timer are run by the test).
 */
@SuiteTest
class DemandStoryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired ProcessSteps steps;
  @Autowired CatalogScenario catalog;
  @Autowired Clock clock;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aDemandGoesFromTheRequestToTheAcceptedDeliveryOverRest() throws Exception {
    String service = "Travel booking " + UUID.randomUUID().toString().substring(0, 8);
    catalog.publish(service, "silver");
    String body = """
        {"title": "Book trains in the travel tool", "businessNeed": "Staff book trains by phone",
         "expectedBenefit": "An hour saved per trip", "requestedDate": "%s", "costBand": "small",
         "affectedServices": ["%s"]}""".formatted(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusMonths(2), service);
    String key = UUID.randomUUID().toString();
    HttpResponse<String> created = post("requester", "/api/demands", body, key);
    assertThat(created.statusCode()).isEqualTo(201);
    String number = JSON.readTree(created.body()).path("number").asText();
    assertThat(JSON.readTree(post("requester", "/api/demands", body, key).body()).path("number").asText())
        .as("a retried request creates one demand").isEqualTo(number);
    steps.runAsyncJobs(number);

    complete("desk", number, "analyseDemand", Map.of("analysisOutcome", "analysed", "feasibility", "feasible",
        "effortDays", 15, "risk", "low"));
    complete("owner", number, "documentSpecification", Map.of("specification", "Train booking in the travel tool"));
    complete("owner", number, "approveDemandInParallel", Map.of("approval", "approve"));
    steps.runAsyncJobs(number);
    assertThat(status(number)).isEqualTo("IMPLEMENTATION");
    assertThat(client.postJson("requester", "/api/demands/" + number + "/changes",
        "{\"description\": \"Also buses\"}").statusCode()).isEqualTo(202);
    complete("owner", number, "analyseDemandChange", Map.of("changeSpecification", "Trains and buses",
        "costBand", "small", "risk", "low"));

    complete("engineer", number, "designSolution", Map.of("plan", "Connect the rail API", "milestones",
        "Rail API\nBus API"));
    complete("engineer", number, "allocateResources", Map.of("people", "engineer", "budget", 6000.0));
    complete("engineer", number, "implementMilestone", Map.of("milestoneNotes", "Connected"));
    complete("engineer", number, "implementMilestone", Map.of("milestoneNotes", "Connected"));
    complete("owner", number, "qualityControl", Map.of("qcTestsPassed", true, "qcDocumented", true,
        "qcSecurityReviewed", true, "qcHandoverReady", true));
    complete("engineer", number, "prepareDeliveryPackage", Map.of("deliverables", "Rail and bus booking",
        "handover", "Runbook handed over"));
    assertThat(status(number)).isEqualTo("ACCEPTANCE");
    complete("requester", number, "acceptanceTest", Map.of("acFunctional", true, "acPerformance", true,
        "acDocumentation", true, "acTraining", true));
    steps.runAsyncJobs(number);
    assertThat(status(number)).isEqualTo("WARRANTY");
    steps.fire(number, "warrantyEnds");
    complete("owner", number, "retrospective", Map.of("wentWell", "Quick API access", "toImprove",
        "Ask for test tickets earlier", "lessons", "Rail APIs need a contract first"));
    steps.runAsyncJobs(number);
    complete("requester", number, "giveFeedback", Map.of("rating", 5, "feedbackComment", "Great"));

    JsonNode demand = JSON.readTree(client.get("requester", "/api/demands/" + number).body());
    assertThat(demand.path("demand").path("status").asText()).isEqualTo("DELIVERED");
    assertThat(demand.path("demand").path("feedbackRating").asInt()).isEqualTo(5);
    assertThat(demand.path("specifications").findValuesAsText("text")).containsExactly(
        "Train booking in the travel tool", "Trains and buses");
    assertThat(demand.path("delivery").path("lessons").asText()).isEqualTo("Rail APIs need a contract first");
    assertThat(demand.path("timeline").findValuesAsText("type")).containsSubsequence("SUBMITTED", "ANALYSED",
        "SPECIFIED", "APPROVAL_ROUTED", "APPROVAL", "APPROVED", "IMPLEMENTATION", "CHANGE_REQUESTED", "QC_PASSED",
        "SIGNED_OFF", "WARRANTY_ENDED", "RETROSPECTIVE", "FEEDBACK", "DELIVERED");
    assertThat(TestMail.subjects(smtp).stream().filter(s -> s.contains(number)).toList()).anyMatch(s -> s.contains("received")).anyMatch(s -> s.contains("approved"))
        .anyMatch(s -> s.contains("accepted")).anyMatch(s -> s.contains("delivered"));
    assertThat(client.postJson("requester", "/api/demands/" + number + "/changes",
        "{\"description\": \"And planes\"}").statusCode()).as("closed").isEqualTo(400);
    assertThat(client.get(null, "/api/demands/" + number).statusCode()).isEqualTo(401);
  }

  @Test
  void badRequestsGet400WithEveryFieldAndCreateNothing() throws Exception {
    HttpResponse<String> bad = client.postJson("requester", "/api/demands", """
        {"title": "", "costBand": "enormous", "requestedDate": "soon", "affectedServices": ["Nothing like it"]}""");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
        "title", "businessNeed", "expectedBenefit", "costBand", "requestedDate", "affectedServices");
    assertThat(client.get("requester", "/api/demands?status=SOMEWHERE").statusCode()).isEqualTo(400);
  }

  /** Claims (if nobody has) and completes the one open task of that key over /engine-rest, as the user. */
  private void complete(String user, String number, String taskKey, Map<String, Object> values) throws Exception {
    JsonNode tasks = JSON.readTree(client.get(user, "/engine-rest/task?processInstanceBusinessKey="
        + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taskKey + "&maxResults=10").body());
    assertThat(tasks.size()).as(user + " sees " + taskKey + " of " + number).isGreaterThanOrEqualTo(1);
    String id = tasks.get(0).path("id").asText();
    if (tasks.get(0).path("assignee").isNull()) {
      assertThat(client.postJson(user, "/engine-rest/task/" + id + "/claim", "{\"userId\": \"" + user + "\"}")
          .statusCode()).isEqualTo(204);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    HttpResponse<String> completed = client.postJson(user, "/engine-rest/task/" + id + "/complete",
        JSON.writeValueAsString(Map.of("variables", variables)));
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
  }

  private String status(String number) throws Exception {
    return JSON.readTree(client.get("requester", "/api/demands/" + number).body()).path("demand").path("status")
        .asText();
  }

  private HttpResponse<String> post(String user, String path, String body, String key) {
    return client.send(client.request(user, path).header("Content-Type", "application/json")
        .header("Idempotency-Key", key).POST(BodyPublishers.ofString(body)));
  }
}
