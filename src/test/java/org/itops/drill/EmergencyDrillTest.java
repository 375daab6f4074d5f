package org.itops.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.itops.MutableClock;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.drill.DrillProcess.Element;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of emergency-drill and its schedule, the plans and the drill report over real HTTP. */
@SuiteTest
class EmergencyDrillTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired DrillService drills;
  @Autowired ProcessSteps steps;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired Timeline timeline;
  @Autowired JdbcTemplate jdbc;
  @Autowired MutableClock clock;
  SuiteClient client;

  @BeforeEach
  void setUp() {
    clock.reset();
    client = new SuiteClient(port);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void trainingNeedsAndAnImprovementFoundInADrillStartAContinuousImprovementCycle() throws Exception {
    EmergencyPlan plan = plan(60, 15, 90);
    String number = startOverHttp(plan.name());
    prepare(number);
    untilDrillDay(number);
    run(number, "ops-engineers", "engineer", 45, 10);
    run(number, "service-desk", "desk", 20, 0);

    assertThatThrownBy(() -> steps.complete(number, Element.REVIEW, "engineer", Map.of("improvementActions", "",
        "trainees", "desk, nobody-here", "trainingTopic", "Failover runbook")))
        .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("nobody-here");
    steps.complete(number, Element.REVIEW, "engineer", Map.of("improvementActions", "", "improvement",
        "Rehearse failovers monthly", "trainees", "desk", "trainingTopic", "Failover runbook"));

    String improvement = jdbc.queryForObject("select number from improvement where source = ?", String.class, number);
    assertThat(jdbc.queryForObject("select title from improvement where number = ?", String.class, improvement))
        .isEqualTo("Rehearse failovers monthly");
    assertThat(steps.taskService().getVariable(steps.task(improvement, "evaluateImprovement").getId(), "trainees"))
        .as("the training need goes to the improvement's plan").isEqualTo("desk");
  }

  @Test
  void aDrillWithinTheObjectivesPassesAndSetsThePlansNextDrill() throws Exception {
    EmergencyPlan plan = plan(60, 15, 90);
    String number = startOverHttp(plan.name());
    Instant drillDate = prepare(number);
    assertThat(TestMail.subjects(smtp)).anyMatch(s -> s.contains(number) && s.contains("Emergency drill on"));
    assertThat(TestMail.addressees(smtp, subject -> subject.contains(number)))
        .contains("engineer@itops.localhost", "desk@itops.localhost");

    untilDrillDay(number);
    run(number, "ops-engineers", "engineer", 45, 10);
    run(number, "service-desk", "desk", 20, 0);
    steps.complete(number, Element.REVIEW, "engineer", Map.of("improvementActions", ""));

    assertThat(steps.path(number)).isEnded().hasPassed("registerDrill", "notifyParticipants", "startDrill",
        "evaluateDrill", "setNextDrillDate", "drillClosed").hasNotPassed("recordOverdueActions");
    assertThat(steps.as("manager", () -> drills.plan(plan.id())).nextDrillAt())
        .isEqualTo(drillDate.plus(Duration.ofDays(90)));
    JsonNode report = JSON.readTree(client.get("manager", "/api/drills/" + number + "/report").body());
    assertThat(report.path("drill").path("result").asText()).isEqualTo("PASSED");
    assertThat(report.path("drill").path("status").asText()).isEqualTo("CLOSED");
    assertThat(report.path("plan").path("rtoMinutes").asInt()).isEqualTo(60);
    assertThat(report.path("teams")).hasSize(2);
    assertThat(report.path("teams").get(0).path("recoveryMinutes").asInt()).isEqualTo(45);
    assertThat(report.path("teams").get(0).path("passed").asBoolean()).isTrue();
    List<String> types = new ArrayList<>();
    report.path("timeline").forEach(e -> types.add(e.path("type").asText()));
    assertThat(types).containsExactly("STARTED", "PREPARED", "RUNNING", "TEAM_RESULT", "TEAM_RESULT", "EVALUATED",
        "REVIEWED", "CLOSED");
  }

  @Test
  void aTeamOverItsRecoveryTimeFailsTheDrillAndOverdueActionsAreEscalated() throws Exception {
    EmergencyPlan plan = plan(30, 5, 180);
    String number = start(plan.name());
    prepare(number);
    untilDrillDay(number);
    run(number, "ops-engineers", "engineer", 75, 0);
    run(number, "service-desk", "desk", 10, 0);
    assertThat(steps.instance(number)).isNotNull();
    assertThat(steps.task(number, Element.REVIEW).getName()).isEqualTo("Review drill and plan improvements");

    steps.complete(number, Element.REVIEW, "engineer", Map.of("improvementActions",
        "Automate the database fail-over\nPre-stage the restore images\n", "actionsDue",
        clock.instant().plus(Duration.ofDays(14)).toString()));
    assertThat(steps.tasks(number, Element.ACTION)).hasSize(2);
    completeAction(number, "Automate the database fail-over", "Fail-over script in place");

    steps.fire(number, Element.ACTIONS_OVERDUE);
    steps.runAsyncJobs(number);
    assertThat(TestMail.addressees(smtp, subject -> subject.contains(number) && subject.contains("overdue")))
        .contains("manager@itops.localhost", "engineer@itops.localhost");
    assertThat(timeline.of(number)).filteredOn(e -> e.type().equals("ACTIONS_OVERDUE")).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("Pre-stage the restore images")
            .doesNotContain("Automate"));

    completeAction(number, "Pre-stage the restore images", "Images on the spare site");
    DrillService.Report report = steps.as("manager", () -> drills.report(number));
    assertThat(report.drill().result()).isEqualTo("FAILED");
    assertThat(report.teams()).filteredOn(t -> t.team().equals("ops-engineers")).singleElement()
        .satisfies(t -> assertThat(t.passed()).isFalse());
    assertThat(report.actions()).extracting(DrillRepository.Action::status).containsOnly("DONE");
    assertThat(report.actions()).extracting(DrillRepository.Action::doneBy).containsOnly("engineer");
    assertThat(steps.path(number)).isEnded().hasPassed("recordOverdueActions", "escalateOverdueActions", "drillClosed");
  }

  @Test
  void theScheduleStartsADrillOfEachDuePlanOnce() {
    EmergencyPlan due = plan(60, 15, 30);
    clock.advance(Duration.ofDays(8));

    runSchedule();
    runSchedule();

    List<String> started = jdbc.queryForList("select number from drill where plan_id = ?", String.class, due.id());
    assertThat(started).as("a running drill is not started again").hasSize(1);
    assertThat(steps.task(started.get(0), Element.PREPARE)).isNotNull();
    assertThat(timeline.of(started.get(0)).get(0).detail()).contains("started by schedule");
  }

  @Test
  void aPlanWithUnknownTeamsAndDatesInThePastIsRefusedListingEveryField() throws Exception {
    long before = jdbc.queryForObject("select count(*) from emergency_plan", Long.class);

    HttpResponse<String> refused = client.postJson("manager", "/api/emergency-plans", "{\"name\":\"\","
        + "\"scenario\":\"Data centre lost\",\"ownerGroup\":\"nobody\",\"participatingTeams\":[\"ops-engineers\","
        + "\"wizards\"],\"rtoMinutes\":0,\"frequencyDays\":90,\"nextDrillAt\":\"2020-01-01T00:00:00Z\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    JSON.readTree(refused.body()).path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("name", "ownerGroup", "participatingTeams", "rtoMinutes",
        "rpoMinutes", "nextDrillAt");
    assertThat(jdbc.queryForObject("select count(*) from emergency_plan", Long.class)).isEqualTo(before);
    assertThat(client.postJson("requester", "/api/emergency-plans", "{}").statusCode()).isEqualTo(403);
    assertThat(client.get("requester", "/api/emergency-plans").statusCode()).isEqualTo(403);
  }

  @Test
  void aPlanIsCreatedAndChangedWithTheTasklistFormAndARefusedOneCreatesNothing() {
    String name = "Ransomware " + UUID.randomUUID();
    Map<String, Object> form = new HashMap<>(Map.of("name", name, "scenario", "File servers encrypted",
        "ownerGroup", "security-team", "participatingTeams", "security-team, ops-engineers", "rtoMinutes", 240L,
        "rpoMinutes", 60L, "frequencyDays", 180L, "nextDrillAt", clock.instant().plus(Duration.ofDays(30)).toString()));

    steps.as("manager", () -> runtimeService.startProcessInstanceByKey("emergency-plan", form));
    form.put("rtoMinutes", 120L);
    steps.as("engineer", () -> runtimeService.startProcessInstanceByKey("emergency-plan", form));

    List<EmergencyPlan> saved = steps.as("manager", () -> drills.plans()).stream()
        .filter(p -> p.name().equals(name)).toList();
    assertThat(saved).singleElement().satisfies(p -> {
      assertThat(p.rtoMinutes()).isEqualTo(120);
      assertThat(p.participatingTeams()).containsExactly("security-team", "ops-engineers");
    });
    form.put("name", "Another " + name);
    form.put("participatingTeams", "wizards");
    long before = jdbc.queryForObject("select count(*) from emergency_plan", Long.class);
    assertThatThrownBy(() -> steps.as("manager", () -> runtimeService.startProcessInstanceByKey("emergency-plan",
        form))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("'wizards'");
    assertThat(jdbc.queryForObject("select count(*) from emergency_plan", Long.class)).isEqualTo(before);
  }

  @Test
  void aDrillOfAnUnknownPlanIsRefusedAndCreatesNothing() throws Exception {
    long before = jdbc.queryForObject("select count(*) from drill", Long.class);

    HttpResponse<String> refused = client.postJson("engineer", "/api/drills", "{\"plan\":\"No such plan\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("errors").get(0).path("field").asText()).isEqualTo("planName");
    assertThat(jdbc.queryForObject("select count(*) from drill", Long.class)).isEqualTo(before);
  }

  @Test
  void aDrillDateInThePastAndARunThatEndsBeforeItStartsAreRefused() {
    EmergencyPlan plan = plan(60, 15, 90);
    String number = start(plan.name());

    assertThatThrownBy(() -> steps.complete(number, Element.PREPARE, "engineer", Map.of("scenario", "Fire",
        "participants", "", "drillDate", clock.instant().minus(Duration.ofHours(1)).toString())))
        .hasRootCauseInstanceOf(InvalidRequestException.class).rootCause()
        .hasMessageContainingAll("participants", "drillDate");
    prepare(number);
    untilDrillDay(number);
    Instant end = clock.instant().minus(Duration.ofHours(2));
    assertThatThrownBy(() -> steps.completeOne(number, Element.RUN, "team", "ops-engineers", "engineer", Map.of(
        "startedAt", end.plus(Duration.ofMinutes(30)).toString(), "endedAt", end.toString(), "dataLossMinutes", -1,
        "whatHappened", "Restored")))
        .hasRootCauseInstanceOf(InvalidRequestException.class).rootCause()
        .hasMessageContainingAll("endedAt", "dataLossMinutes");
    assertThat(jdbc.queryForObject("select count(*) from drill_team_result where drill_number = ?", Long.class,
        number)).isZero();
  }

  // --- steps ------------------------------------------------------------------------------------------

  /** A plan drilled by ops-engineers (its owner) and service-desk, first due in a week. */
  private EmergencyPlan plan(int rto, int rpo, int frequencyDays) {
    return steps.as("manager", () -> drills.createPlan(new PlanRequest("Data centre loss " + UUID.randomUUID(),
        "The primary data centre is lost", "ops-engineers", List.of("ops-engineers", "service-desk"), rto, rpo,
        frequencyDays, clock.instant().plus(Duration.ofDays(7)))));
  }

  private String start(String planName) {
    return steps.as("engineer", () -> drills.drillOnDemand(planName));
  }

  private String startOverHttp(String planName) throws Exception {
    HttpResponse<String> created = client.postJson("engineer", "/api/drills", "{\"plan\":\"" + planName + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("number").asText();
  }

  /** Prepared for tomorrow; answers the drill date. */
  private Instant prepare(String number) {
    Instant date = clock.instant().plus(Duration.ofDays(1));
    steps.complete(number, Element.PREPARE, "engineer", Map.of("scenario", "The primary data centre is lost",
        "participants", "engineer: restores the database\ndesk: informs the users", "drillDate", date.toString()));
    steps.runAsyncJobs(number);
    return date;
  }

  /** The drill day's timer fires, and the suite's clock is a few hours into the drill. */
  private void untilDrillDay(String number) {
    steps.fire(number, Element.DRILL_DAY);
    clock.advance(Duration.ofDays(1).plusHours(4));
  }

  private void run(String number, String team, String user, int minutes, int dataLoss) {
    Instant start = clock.instant().minus(Duration.ofHours(3));
    steps.completeOne(number, Element.RUN, "team", team, user, Map.of("startedAt", start.toString(), "endedAt",
        start.plus(Duration.ofMinutes(minutes)).toString(), "dataLossMinutes", dataLoss, "whatHappened",
        "Restored from the spare site"));
  }

  private void completeAction(String number, String action, String notes) {
    steps.completeOne(number, Element.ACTION, "action", action, "engineer", Map.of("actionNotes", notes));
  }

  private void runSchedule() {
    Job schedule = managementService.createJobQuery().processDefinitionKey("emergency-drill-schedule").timers()
        .singleResult();
    managementService.executeJob(schedule.getId());
  }
}
