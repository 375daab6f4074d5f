package org.itops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.audit.AuditProcess.Element;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.Timeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of compliance-audit and its quarterly schedule, and the audit report over real HTTP. */
@SuiteTest
class ComplianceAuditTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired AuditService audits;
  @Autowired ProcessSteps steps;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired Timeline timeline;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void eachOwnerGivesEvidenceAndAnAuditWithoutFindingsCloses() throws Exception {
    String number = startOverHttp("{\"title\":\"Backup and incidents\",\"controls\":[\"A.8.13\",\"A.5.24\"]}");
    assertThat(number).matches("AUD-\\d{6}");
    assertThat(candidateGroups(number, Element.COLLECT_EVIDENCE)).containsExactlyInAnyOrder("ops-engineers",
        "service-desk");

    collectEvidence(number);
    steps.complete(number, Element.REVIEW, "manager", Map.of("findings", ""));

    assertThat(steps.path(number)).isEnded().hasPassed("registerAudit", "closeAudit", "auditClosed")
        .hasNotPassed("recordOverdueRemediation");
    JsonNode report = JSON.readTree(client.get("manager", "/api/audits/" + number + "/report").body());
    assertThat(report.path("audit").path("status").asText()).isEqualTo("CLOSED");
    assertThat(report.path("audit").path("conclusion").asText()).isEqualTo("No findings");
    assertThat(report.path("controls")).hasSize(2);
    assertThat(report.path("controls").get(0).path("control").asText()).isEqualTo("A.5.24");
    assertThat(report.path("controls").get(0).path("submittedBy").asText()).isEqualTo("desk");
    assertThat(report.path("findings")).isEmpty();
    assertThat(client.get("requester", "/api/audits/" + number + "/report").statusCode()).isEqualTo(404);
  }

  @Test
  void findingsAreRemediatedByTheirOwnersAndOverdueRemediationIsEscalated() throws Exception {
    String number = start(List.of("A.8.13", "A.5.24"));
    collectEvidence(number);

    steps.complete(number, Element.REVIEW, "manager", Map.of("findings",
        "A.8.13: restores are never tested\nA.5.24: no on-call list for nights", "remediationDue",
        clock.instant().plus(Duration.ofDays(30)).toString()));
    assertThat(candidateGroups(number, Element.REMEDIATE)).containsExactlyInAnyOrder("ops-engineers", "service-desk");
    remediate(number, "A.8.13: restores are never tested", "engineer");

    steps.fire(number, Element.REMEDIATION_OVERDUE);
    steps.runAsyncJobs(number);
    assertThat(TestMail.addressees(smtp, subject -> subject.contains(number) && subject.contains("overdue")))
        .contains("manager@itops.localhost");
    assertThat(timeline.of(number)).filteredOn(e -> e.type().equals("REMEDIATION_OVERDUE")).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("no on-call list").doesNotContain("restores"));
    assertThat(steps.instance(number)).as("tracked until every finding is closed").isNotNull();

    remediate(number, "A.5.24: no on-call list for nights", "desk");
    AuditService.Report report = steps.as("manager", () -> audits.report(number));
    assertThat(report.audit().status()).isEqualTo("CLOSED");
    assertThat(report.findings()).extracting(AuditRepository.Finding::status).containsOnly("CLOSED");
    assertThat(report.findings()).extracting(AuditRepository.Finding::closedBy).containsExactly("engineer", "desk");
    assertThat(steps.path(number)).isEnded()
        .hasPassed("recordOverdueRemediation", "escalateOverdueRemediation", "closeAudit", "auditClosed");
  }

  @Test
  void anAuditOfUnknownControlsIsRefusedAndCreatesNothing() throws Exception {
    long before = jdbc.queryForObject("select count(*) from compliance_audit", Long.class);

    HttpResponse<String> refused = client.postJson("manager", "/api/audits",
        "{\"title\":\"Odd\",\"controls\":[\"A.8.13\",\"X.1\",\"Y.2\"]}");

    assertThat(refused.statusCode()).isEqualTo(400);
    List<String> reasons = new ArrayList<>();
    JSON.readTree(refused.body()).path("errors").forEach(e -> reasons.add(e.path("reason").asText()));
    assertThat(reasons).hasSize(2).anyMatch(r -> r.contains("'X.1'")).anyMatch(r -> r.contains("'Y.2'"));
    assertThat(jdbc.queryForObject("select count(*) from compliance_audit", Long.class)).isEqualTo(before);
    assertThat(client.postJson("engineer", "/api/audits", "{\"controls\":[\"A.8.13\"]}").statusCode()).isEqualTo(403);
  }

  @Test
  void findingsOutsideTheScopeOrDueInThePastAreRefused() {
    String number = start(List.of("A.8.13"));
    collectEvidence(number);

    assertThatThrownBy(() -> steps.complete(number, Element.REVIEW, "manager", Map.of("findings",
        "A.5.15: shared admin accounts\nno control given", "remediationDue",
        clock.instant().minus(Duration.ofDays(1)).toString())))
        .hasRootCauseInstanceOf(InvalidRequestException.class).rootCause()
        .hasMessageContainingAll("'A.5.15: shared admin accounts'", "'no control given'", "remediationDue");
    assertThat(jdbc.queryForObject("select count(*) from audit_finding where audit_number = ?", Long.class, number))
        .isZero();
  }

  @Test
  void theQuarterlyScheduleAuditsEveryControl() {
    long before = jdbc.queryForObject("select count(*) from compliance_audit", Long.class);

    managementService.executeJob(managementService.createJobQuery()
        .processDefinitionKey("compliance-audit-schedule").timers().singleResult().getId());

    String number = jdbc.queryForObject("select max(number) from compliance_audit", String.class);
    assertThat(jdbc.queryForObject("select count(*) from compliance_audit", Long.class)).isEqualTo(before + 1);
    assertThat(steps.tasks(number, Element.COLLECT_EVIDENCE)).hasSize(audits.controls().size());
    assertThat(timeline.of(number).get(0).detail()).contains("started by schedule");
  }

  // --- steps ------------------------------------------------------------------------------------------

  private String startOverHttp(String body) throws Exception {
    HttpResponse<String> created = client.postJson("manager", "/api/audits", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("number").asText();
  }

  private String start(List<String> controls) {
    return steps.as("manager", () -> audits.audit("Audit", controls));
  }

  /** Each control's owner gives evidence: ops-engineers for A.8.13, service-desk for A.5.24. */
  private void collectEvidence(String number) {
    for (var task : steps.tasks(number, Element.COLLECT_EVIDENCE)) {
      String control = (String) taskService.getVariable(task.getId(), "control");
      String user = control.equals("A.5.24") ? "desk" : "engineer";
      steps.as(user, () -> {
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), Map.of("evidence", "Report of " + control));
        return null;
      });
    }
  }

  private void remediate(String number, String finding, String user) {
    var task = steps.tasks(number, Element.REMEDIATE).stream()
        .filter(t -> finding.equals(taskService.getVariable(t.getId(), "finding"))).findFirst().orElseThrow();
    steps.as(user, () -> {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), Map.of("remediationNotes", "Done"));
      return null;
    });
  }

  private List<String> candidateGroups(String number, String taskKey) {
    return steps.tasks(number, taskKey).stream().flatMap(t -> taskService.getIdentityLinksForTask(t.getId()).stream())
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }
}
