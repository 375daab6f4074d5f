package org.itops.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.itops.TestMail;
import org.itops.ProcessSteps;
import org.itops.SuiteTest;
import org.itops.alert.AlertService.Outcome;
import org.itops.alert.AlertService.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** alert-handling and the alert's life: routing levels, deduplication, flapping, order, concurrency. */
@SuiteTest
class AlertHandlingTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired AlertService alerts;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessSteps steps;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
  }

  @ParameterizedTest(name = "severity {0} in {1} -> {2}")
  @CsvSource({
      "info,     prod, record,   ,   recordedOnly",
      "warning,  prod, notify,   ,   groupNotified",
      "average,  prod, incident, P3, incidentOpened",
      "critical, prod, incident, P2, incidentOpened",
      "high,     prod, incident, P2, incidentOpened",
      "disaster, prod, major,    P1, onCallPaged",
      "critical, dev,  record,   ,   recordedOnly",
      "weird,    prod, notify,   ,   groupNotified"})
  void eachSeverityLeadsToItsLevel(String severity, String env, String level, String priority, String end) {
    Outcome outcome = alerts.receive(firing(newFingerprint(), severity, env));
    steps.runAsyncJobs(outcome.alert());

    assertThat(outcome.result()).isEqualTo(Result.NEW);
    assertThat(outcome.level()).isEqualTo(level);
    HistoricProcessInstance handling = handling(outcome.alert());
    assertThat(handling.getState()).isEqualTo("COMPLETED");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(handling.getId())
        .activityId(end).count()).isOne();
    if (priority == null) {
      assertThat(outcome.incident()).isNull();
    } else {
      assertThat(jdbc.queryForMap("select priority, source, reporter, configuration_item, category, major from incident"
          + " where number = ?", outcome.incident())).containsEntry("PRIORITY", priority)
          .containsEntry("SOURCE", "alert").containsEntry("REPORTER", "monitoring")
          .containsEntry("CONFIGURATION_ITEM", "db-01:9100").containsEntry("CATEGORY", "database")
          .containsEntry("MAJOR", "P1".equals(priority));
      assertThat(jdbc.queryForObject("select count(*) from oncall_page where incident_number = ?", Integer.class,
          outcome.incident())).as("paged once, by alert-handling and incident-lifecycle together")
          .isEqualTo("P1".equals(priority) ? 1 : 0);
    }
  }

  @ParameterizedTest(name = "security alert, severity {0} -> {1}")
  @CsvSource({"critical, high", "disaster, critical"})
  void anAlertOfSecurityToolingOpensASecurityIncidentAndNoIncident(String severity, String securitySeverity) {
    Map<String, String> labels = Map.of("alertname", "SuspiciousLogins", "severity", severity, "env", "prod",
        "service", "ids", "instance", "vpn-gw-01");
    Instant started = Instant.now().minusSeconds(300).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Alert alert = new Alert("alertmanager", newFingerprint(), true, labels, "500 failed logins", null, started, null,
        null);
    long incidentsBefore = jdbc.queryForObject("select count(*) from incident", Long.class);

    Outcome outcome = alerts.receive(alert);

    assertThat(outcome.incident()).isNull();
    assertThat(jdbc.queryForObject("select count(*) from incident", Long.class)).isEqualTo(incidentsBefore);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(handling(outcome.alert()).getId())
        .activityId("securityIncidentOpened").count()).isOne();
    Map<String, Object> security = jdbc.queryForMap("select reporter, source, severity, detected_at, description"
        + " from security_incident where description like ?", "Alert " + outcome.alert() + " %");
    assertThat(security).containsEntry("REPORTER", "monitoring").containsEntry("SOURCE", "alert")
        .containsEntry("SEVERITY", securitySeverity);
    assertThat(((java.sql.Timestamp) security.get("DETECTED_AT")).toInstant()).isEqualTo(started);
    assertThat(jdbc.queryForList("select detail from record_event where record_number = ?", String.class,
        outcome.alert())).contains("Handed to the security team").noneMatch(detail -> detail.contains("SEC-"));
  }

  @Test
  void anIncidentOfAnAlertIsAnOutageFromWhenTheAlertBeganFiringIfItIsMajor() {
    Instant started = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Alert disaster = firing(newFingerprint(), "disaster", "prod");
    Alert average = firing(newFingerprint(), "average", "prod");

    Outcome major = alerts.receive(new Alert(disaster.source(), disaster.identity(), true, disaster.labels(),
        disaster.summary(), disaster.description(), started, null, null));
    Outcome minor = alerts.receive(new Alert(average.source(), average.identity(), true, average.labels(),
        average.summary(), average.description(), started, null, null));
    steps.runAsyncJobs(major.alert());
    steps.runAsyncJobs(minor.alert());

    Map<String, Object> outage = jdbc.queryForMap("select major, outage, outage_start from incident where number = ?",
        major.incident());
    assertThat(outage).containsEntry("MAJOR", true).containsEntry("OUTAGE", true);
    assertThat(((java.sql.Timestamp) outage.get("OUTAGE_START")).toInstant()).isEqualTo(started);
    Map<String, Object> notOutage = jdbc.queryForMap("select outage, outage_start from incident where number = ?",
        minor.incident());
    assertThat(notOutage).as("not major: triage may mark it").containsEntry("OUTAGE", false);
    assertThat(((java.sql.Timestamp) notOutage.get("OUTAGE_START")).toInstant()).isEqualTo(started);
  }

  @Test
  void aRepeatedFiringCountsAndOpensNoSecondIncident() {
    String fingerprint = newFingerprint();
    Outcome first = alerts.receive(firing(fingerprint, "critical", "prod"));

    Outcome second = alerts.receive(firing(fingerprint, "critical", "prod"));
    Outcome third = alerts.receive(firing(fingerprint, "critical", "prod"));

    assertThat(second.result()).isEqualTo(Result.REPEATED);
    assertThat(third.incident()).isEqualTo(first.incident());
    assertThat(jdbc.queryForObject("select occurrences from alert where number = ?", Long.class, first.alert()))
        .isEqualTo(3);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("incident-lifecycle")
        .variableValueEquals("source", "alert").processInstanceBusinessKey(first.incident()).count()).isOne();
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("alert-handling")
        .processInstanceBusinessKey(first.alert()).count()).isOne();
  }

  @Test
  void aResolvedAlertSendsItsIncidentToVerificationWhichClosesItAfterTheFlappingWindow() {
    String fingerprint = newFingerprint();
    Outcome opened = alerts.receive(firing(fingerprint, "critical", "prod"));
    String incident = opened.incident();

    Outcome resolved = alerts.receive(resolved(fingerprint));
    triageAndTake(incident);

    assertThat(resolved.result()).isEqualTo(Result.RESOLVED);
    assertThat(incidentInstance(incident)).isWaitingAt("alertStaysResolved");
    assertThat(status(incident)).isEqualTo("RESOLVED");
    fireTimer(incident, "stableForThirtyMinutes");
    assertThat(status(incident)).isEqualTo("CLOSED");
    assertThat(jdbc.queryForObject("select closure_code from incident where number = ?", String.class, incident))
        .isEqualTo("ALERT_CLEARED");
  }

  @Test
  void aFiringWithinTheFlappingWindowReopensTheSameIncident() {
    String fingerprint = newFingerprint();
    String incident = alerts.receive(firing(fingerprint, "critical", "prod")).incident();
    alerts.receive(resolved(fingerprint));
    triageAndTake(incident);

    Outcome refired = alerts.receive(firing(fingerprint, "critical", "prod"));

    assertThat(refired.result()).isEqualTo(Result.REFIRED);
    assertThat(refired.incident()).isEqualTo(incident);
    assertThat(jdbc.queryForObject("select reopen_count from incident where number = ?", Integer.class, incident))
        .isOne();
    steps.runAsyncJobs(incident);
    assertThat(incidentInstance(incident)).isWaitingAt("workOnIncident");
    Outcome resolvedAgain = alerts.receive(resolved(fingerprint));
    assertThat(resolvedAgain.result()).isEqualTo(Result.RESOLVED);
    assertThat(incidentInstance(incident)).isWaitingAt("alertStaysResolved");
  }

  @Test
  void aFiringAfterAResolutionThatNobodyActedOnYetStaysWithTheSameIncident() {
    String fingerprint = newFingerprint();
    String incident = alerts.receive(firing(fingerprint, "critical", "prod")).incident();
    alerts.receive(resolved(fingerprint));

    Outcome refired = alerts.receive(firing(fingerprint, "critical", "prod"));

    assertThat(refired.result()).isEqualTo(Result.REFIRED);
    assertThat(refired.incident()).isEqualTo(incident);
    assertThat(jdbc.queryForObject("select episodes from alert where number = ?", Integer.class, refired.alert()))
        .as("episodes (each opens an incident)").isOne();
    assertThat(jdbc.queryForObject("select alert_resolved_at from incident where number = ?", java.sql.Timestamp.class,
        incident)).isNull();
    // the alert is firing again: the work on the incident goes on instead of closing it as cleared
    triageAndTake(incident);
    assertThat(incidentInstance(incident)).isWaitingAt("workOnIncident");
  }

  @Test
  void aFiringAfterTheIncidentClosedOpensANewOne() {
    String fingerprint = newFingerprint();
    String first = alerts.receive(firing(fingerprint, "critical", "prod")).incident();
    alerts.receive(resolved(fingerprint));
    triageAndTake(first);
    fireTimer(first, "stableForThirtyMinutes");

    Outcome again = alerts.receive(firing(fingerprint, "critical", "prod"));

    assertThat(again.result()).isEqualTo(Result.NEW);
    assertThat(again.incident()).isNotNull().isNotEqualTo(first);
    assertThat(jdbc.queryForObject("select episodes from alert where number = ?", Integer.class, again.alert()))
        .isEqualTo(2);
  }

  @Test
  void aResolutionThatArrivesBeforeTheFiringWaitsForTheIncidentAndTwiceChangesNothing() {
    String fingerprint = newFingerprint();

    Outcome early = alerts.receive(resolved(fingerprint));
    Outcome twice = alerts.receive(resolved(fingerprint));
    Outcome firing = alerts.receive(firing(fingerprint, "critical", "prod"));

    assertThat(early.result()).isEqualTo(Result.RESOLVED_UNSEEN);
    assertThat(twice.result()).isEqualTo(Result.ALREADY_RESOLVED);
    assertThat(firing.result()).isEqualTo(Result.NEW);
    assertThat(firing.incident()).isNotNull();
    assertThat(jdbc.queryForObject("select alert_resolved_at from incident where number = ?", Instant.class,
        firing.incident())).isNotNull();
    triageAndTake(firing.incident());
    assertThat(incidentInstance(firing.incident())).isWaitingAt("alertStaysResolved");
  }

  @Test
  void twoReportsOfTheSameNewAlertAtTheSameMomentOpenOneIncident() throws Exception {
    String fingerprint = newFingerprint();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Outcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<Outcome> report = () -> alerts.receive(firing(fingerprint, "critical", "prod"));
        outcomes.add(pool.submit(report));
      }
      List<String> incidents = new ArrayList<>();
      for (Future<Outcome> outcome : outcomes) {
        incidents.add(outcome.get().incident());
      }
      assertThat(incidents).doesNotContainNull().containsOnly(incidents.get(0));
      assertThat(jdbc.queryForObject("select count(*) from alert where identity = ?", Long.class, fingerprint)).isOne();
      assertThat(jdbc.queryForObject("select occurrences from alert where identity = ?", Long.class, fingerprint))
          .isEqualTo(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theOwningGroupIsMailedAtNotifyLevel() throws Exception {
    Outcome outcome = alerts.receive(firing(newFingerprint(), "warning", "prod"));
    steps.runAsyncJobs(outcome.alert());

    assertThat(smtp.getReceivedMessages()).isNotEmpty();
    assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("[" + outcome.alert()
        + "] warning alert: [PostgresReplicationLag] Replica db-01 lags 12 minutes behind");
  }

  // --- fixtures --------------------------------------------------------------------------------------

  static String newFingerprint() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  static Alert firing(String fingerprint, String severity, String env) {
    Map<String, String> labels = new HashMap<>(Map.of("alertname", "PostgresReplicationLag", "severity", severity,
        "env", env, "service", "postgres", "instance", "db-01:9100"));
    return new Alert("alertmanager", fingerprint, true, labels, "Replica db-01 lags 12 minutes behind",
        "Replication lag above 10 minutes", Instant.now(), null, "http://prometheus:9090/graph");
  }

  static Alert resolved(String fingerprint) {
    Map<String, String> labels = Map.of("alertname", "PostgresReplicationLag", "severity", "critical", "env", "prod",
        "service", "postgres", "instance", "db-01:9100");
    return new Alert("alertmanager", fingerprint, false, labels, "Replica db-01 lags 12 minutes behind", null,
        Instant.now().minusSeconds(600), Instant.now(), null);
  }

  private void triageAndTake(String incident) {
    complete(incident, "triageIncident", "desk", Map.of("priority", priority(incident), "assignedGroup", "ops-engineers"));
    steps.runAsyncJobs(incident);
    complete(incident, "takeIncident", "engineer", Map.of());
  }

  private void complete(String incident, String taskKey, String user, Map<String, Object> form) {
    var task = taskService.createTaskQuery().processInstanceBusinessKey(incident).taskDefinitionKey(taskKey)
        .singleResult();
    identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
        .map(group -> group.getId()).toList());
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void theAlertsValuesAndItsIncidentAreNotWrittenAsVariablesOfAlertHandling() {
    Outcome outcome = alerts.receive(firing(newFingerprint(), "disaster", "prod"));

    assertThat(outcome.incident()).isNotNull();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(handling(outcome.alert()).getId())
        .list()).extracting(HistoricVariableInstance::getName).as("copies of the alert's row, not written")
        .doesNotContain("recordNumber", "title", "alertName", "severity", "service", "environment", "instance",
            "summary", "incidentNumber", "incidentTitle");
  }

  @Test
  void alertHandlingNeverWaitsSoItsUnwrittenValuesAreThereUntilItsEnd() {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(AlertProcess.KEY).latestVersion().singleResult().getId());

    assertThat(model.getModelElementsByType(FlowNode.class)).as("no async boundary: AlertService's variables are"
        + " transient").noneMatch(node -> node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter());
    for (Class<? extends FlowNode> waits : List.of(UserTask.class, ReceiveTask.class, IntermediateCatchEvent.class,
        EventBasedGateway.class, CallActivity.class)) {
      assertThat(model.getModelElementsByType(waits)).as(waits.getSimpleName()).isEmpty();
    }
    assertThat(model.getModelElementsByType(ServiceTask.class)).extracting(ServiceTask::getCamundaType)
        .as("external tasks wait").containsOnlyNulls();
  }

  private void fireTimer(String incident, String activityId) {
    Job timer = managementService.createJobQuery().processInstanceId(incidentInstance(incident).getId()).timers()
        .activityId(activityId).singleResult();
    managementService.executeJob(timer.getId());
  }

  private HistoricProcessInstance handling(String alertNumber) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("alert-handling")
        .processInstanceBusinessKey(alertNumber).singleResult();
  }

  private org.camunda.bpm.engine.runtime.ProcessInstance incidentInstance(String incident) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("incident-lifecycle")
        .processInstanceBusinessKey(incident).singleResult();
  }

  private String priority(String incident) {
    return jdbc.queryForObject("select priority from incident where number = ?", String.class, incident);
  }

  private String status(String incident) {
    return jdbc.queryForObject("select status from incident where number = ?", String.class, incident);
  }
}
