package org.itops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.itops.SuiteClient;
import org.itops.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The problem story in a real Chromium: three alerts from Alertmanager on one database open three incidents, the
 * problem appears in the IT manager's Tasklist, the investigation's workaround is published as a known error, and
 * the fix change closes the problem after its watch. The change's own approval and its window, and the watch period,
 * are taken through the engine API (their screens are ChangeStoryIT's; the timers would wait for days).
 */
@EndToEndTest
class ProblemStoryIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;

  @Test
  void threeAlertsOnOneDatabaseOpenAProblemWhoseKnownErrorIsPublishedAndWhoseFixClosesIt() throws Exception {
    SuiteClient api = new SuiteClient(port);
    String name = "orders-db-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.postJson("engineer", "/api/cis", """
        {"name": "%s", "type": "database", "environment": "production", "ownerGroup": "ops-engineers",
         "criticality": "low"}""".formatted(name)).statusCode()).isEqualTo(201);
    String item = name + "@production";
    for (int i = 0; i < 3; i++) {
      assertThat(api.send(api.request(null, "/api/alerts/alertmanager")
          .header("Authorization", "Bearer dev-monitoring-token").header("Content-Type", "application/json")
          .POST(BodyPublishers.ofString(webhook(name, UUID.randomUUID().toString())))).statusCode()).isEqualTo(200);
    }

    try (Browser browser = new Browser(port)) {
      String[] problem = new String[1];
      browser.eventually(() -> {
        List<String> found = jdbc.queryForList("select number from problem where configuration_item = ?",
            String.class, item);
        problem[0] = found.isEmpty() ? null : found.get(0);
        return problem[0] != null;
      }, "a problem on " + item);
      String number = problem[0];
      assertThat(jdbc.queryForObject("select count(*) from problem_incident where problem_number = ?", Long.class,
          number)).isEqualTo(3);

      browser.login("tasklist", "manager");
      browser.openTask("My groups' tasks", "Investigate problem", number);
      assertThat(browser.formText()).contains(number).contains(item);
      browser.claim();
      browser.type("rootCauseField", "Autovacuum cannot keep up with the order archive job");
      browser.type("workaroundField", "Run VACUUM ANALYZE on the orders table after the archive job");
      browser.screenshot("problem-manager-records-the-root-cause-and-workaround");
      browser.complete();
      String article = eventuallyValue(browser, "the known error article of " + number,
          "select known_error_article from problem where number = ?", number);

      browser.openTask("My tasks", "Write article", article);
      browser.complete();
      browser.login("tasklist", "engineer");
      browser.openTask("My groups' tasks", "Review article", article);
      browser.claim();
      browser.choose("decisionField", "Approve and publish");
      browser.screenshot("engineer-publishes-the-known-error");
      browser.complete();
      browser.eventually(() -> "PUBLISHED".equals(jdbc.queryForObject("select status from knowledge_article"
          + " where number = ?", String.class, article)), article + " to be published");

      Instant start = Instant.now().plus(Duration.ofDays(1));
      as("manager", () -> taskService.complete(task(number, "requestFixChange").getId(), Map.of(
          "changeSummary", "Tune autovacuum on the orders table", "impact", "low",
          "implementationPlan", "Set autovacuum_vacuum_scale_factor to 0.05", "backoutPlan", "Reset the setting",
          "testEvidence", "Ran for a week on staging", "plannedStart", start.toString(),
          "plannedEnd", start.plus(Duration.ofHours(1)).toString())));
      String change = jdbc.queryForObject("select fix_change from problem where number = ?", String.class, number);
      as("changemgr", () -> taskService.complete(task(change, "reviewChange").getId(), Map.of("decision", "accept")));
      browser.eventually(() -> taskService.createTaskQuery().processInstanceBusinessKey(change)
          .taskDefinitionKey("voteOnChange").count() > 0, change + "'s CAB vote");
      for (String member : new String[] {"cab1", "cab2"}) {
        Task vote = taskService.createTaskQuery().processInstanceBusinessKey(change).taskDefinitionKey("voteOnChange")
            .taskAssignee(member).singleResult();
        as(member, () -> taskService.complete(vote.getId(), Map.of("vote", "approve")));
      }
      fire(browser, change, "windowOpens");
      as("engineer", () -> taskService.complete(task(change, "implementChange").getId(),
          Map.of("implementationNotes", "Applied")));
      as("engineer", () -> taskService.complete(task(change, "verifyChange").getId(),
          Map.of("verification", "success", "verificationNotes", "Vacuum keeps up")));
      as("changemgr", () -> taskService.complete(task(change, "reviewImplementation").getId(),
          Map.of("reviewNotes", "Went to plan")));
      browser.eventually(() -> "WATCHING".equals(status(number)), number + " to be watched");

      fire(browser, number, "watchPeriodOver");
      browser.eventually(() -> "CLOSED".equals(status(number)), number + " to be closed");
      browser.login("tasklist", "manager");
      browser.screenshot("no-problem-task-is-left");
    }
  }

  private String status(String number) {
    return jdbc.queryForObject("select status from problem where number = ?", String.class, number);
  }

  private String eventuallyValue(Browser browser, String what, String sql, String number) {
    browser.eventually(() -> jdbc.queryForObject(sql, String.class, number) != null, what);
    return jdbc.queryForObject(sql, String.class, number);
  }

  private Task task(String businessKey, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** The timer once it exists, run now through the engine API instead of waiting for its due date. */
  private void fire(Browser browser, String businessKey, String activityId) {
    browser.eventually(() -> timer(businessKey, activityId) != null, activityId + " of " + businessKey);
    managementService.executeJob(timer(businessKey, activityId).getId());
  }

  private Job timer(String businessKey, String activityId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
        .map(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).timers()
            .activityId(activityId).singleResult()).filter(job -> job != null).findFirst().orElse(null);
  }

  private void as(String user, Runnable work) {
    identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
        .map(group -> group.getId()).toList());
    try {
      work.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static String webhook(String host, String fingerprint) {
    return """
        {"receiver":"itops","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"PostgresVacuumLag",
         "env":"production","instance":"%s:9187","service":"postgres","severity":"average"},
         "annotations":{"summary":"Vacuum lags","description":"Dead tuples above 20%%"},
         "startsAt":"2026-11-27T08:00:00.000Z","endsAt":"0001-01-01T00:00:00Z",
         "generatorURL":"http://prometheus:9090/graph","fingerprint":"%s"}],"groupLabels":{},"commonLabels":{},
         "commonAnnotations":{},"externalURL":"http://127.0.0.1:9093","version":"4","groupKey":"{}",
         "truncatedAlerts":0}"""
        .formatted(host, fingerprint);
  }
}
