package org.itops.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** service-review: on demand and monthly, the KPI report kept with the review, its actions start improvements. */
@SuiteTest
class ServiceReviewTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessSteps steps;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aReviewOnDemandKeepsItsReportAndEachActionStartsAnImprovement() throws Exception {
    HttpResponse<String> created = client.postJson("owner", "/api/reviews",
        "{\"from\": \"2030-01-01\", \"to\": \"2030-02-01\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String number = JSON.readTree(created.body()).path("number").asText();
    assertThat(number).matches("REV-\\d{6}");
    // the report is built in a job, not while the request waits
    assertThat(client.get("owner", "/api/reviews/" + number).body()).contains("\"status\":\"BUILDING\"");
    steps.runAsyncJobs(number);

    Map<String, Object> variables = taskService.getVariables(steps.task(number, "reviewPerformance").getId());
    assertThat((String) variables.get("kpiSummary")).contains("Incidents:").contains("response SLA");
    assertThat((String) variables.get("reportLink")).contains("/api/kpis/report?from=2030-01-01T00:00:00Z");
    JsonNode stored = JSON.readTree((String) jdbc.queryForObject("select kpis from service_review where number = ?",
        String.class, number));
    assertThat(stored.path("from").asText()).startsWith("2030-01-01");

    steps.complete(number, "reviewPerformance", "owner", Map.of("assessment", "Resolution SLA slipped",
        "improvementActions", "Add a second on-call engineer\n\nTriage checklist for the desk"));

    List<Map<String, Object>> improvements = jdbc.queryForList("select number, title, proposed_by from improvement"
        + " where source = ? order by number", number);
    assertThat(improvements).extracting(row -> row.get("title")).containsExactly("Add a second on-call engineer",
        "Triage checklist for the desk");
    assertThat(improvements).allSatisfy(row -> assertThat(row.get("proposed_by")).isEqualTo("owner"));
    assertThat(steps.tasks((String) improvements.get(0).get("number"), "evaluateImprovement")).hasSize(1);
    assertThat(jdbc.queryForObject("select status from service_review where number = ?", String.class, number))
        .isEqualTo("REVIEWED");
    assertThat(steps.path(number)).isEnded().hasPassed("buildKpiReport", "startImprovements", "reviewDone");
  }

  @Test
  void theMonthlyTimerReviewsThePreviousMonth() {
    Job timer = managementService.createJobQuery().processDefinitionKey("service-review").timers()
        .activityId("monthStarted").singleResult();
    assertThat(timer).as("the monthly timer").isNotNull();

    managementService.executeJob(timer.getId());
    managementService.createJobQuery().processDefinitionKey("service-review").activityId("buildKpiReport").list()
        .forEach(build -> managementService.executeJob(build.getId()));

    YearMonth previous = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1);
    String number = jdbc.queryForObject("select number from service_review where period_from = ? order by number"
        + " desc limit 1", String.class, java.sql.Timestamp.from(previous.atDay(1).atStartOfDay()
        .toInstant(ZoneOffset.UTC)));
    assertThat(steps.tasks(number, "reviewPerformance")).hasSize(1);
  }

  @Test
  void theReportIsAPageWithChartsForTheStaff() {
    HttpResponse<String> report = client.get("manager", "/api/kpis/report?from=2030-01-01&to=2030-02-01");

    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(report.body()).contains("<svg").contains("Mean time to resolve (minutes)").contains("Open incidents by age");
    // the usual periods one click away: early in a month, this month (the default) has little to show
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    assertThat(report.body()).contains("<a href=\"?from=" + today.minusDays(29) + "&amp;to=" + today.plusDays(1)
        + "\">Last 30 days</a>").contains("<a href=\"?from=" + today.withDayOfMonth(1).minusMonths(1) + "&amp;to="
        + today.withDayOfMonth(1) + "\">Last month</a>");
    assertThat(client.get("requester", "/api/kpis/report").statusCode()).isEqualTo(403);
    assertThat(client.postJson("requester", "/api/reviews", "{\"from\": \"2030-01-01\", \"to\": \"2030-02-01\"}")
        .statusCode()).isEqualTo(403);
    assertThat(client.postJson("owner", "/api/reviews", "{\"from\": \"January\", \"to\": \"2030-02-01\"}")
        .statusCode()).isEqualTo(400);
    HttpResponse<String> tooLong = client.postJson("owner", "/api/reviews",
        "{\"from\": \"2029-01-01\", \"to\": \"2030-02-06\"}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("400 days");
  }
}
