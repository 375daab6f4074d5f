package org.itops.securityops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.itops.ProcessSteps;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.Timeline;
import org.itops.securityops.SecurityIncidentProcess.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of security-incident, DMN breach-notification row by row, and the regulator's clock. */
@SuiteTest
class SecurityIncidentTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired SecurityIncidentScenario scenario;
  @Autowired SecurityIncidentService incidents;
  @Autowired ProcessSteps steps;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired DecisionService decisionService;
  @Autowired Timeline timeline;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void withoutPersonalDataNobodyIsNotifiedAndTheIncidentClosesWithItsLessons() throws Exception {
    String number = scenario.reportAs("desk", scenario.report(Duration.ofHours(1)));
    assertThat(number).matches("SEC-\\d{6}");
    assertThat(TestMail.subjects(smtp)).anyMatch(s -> s.contains(number) && s.contains("Security incident reported"));
    assertThat(steps.task(number, Element.TRIAGE).getName()).isEqualTo("Triage security incident");

    scenario.triageAndContain(number, null, 0);
    assertThat(runtimeService.getVariable(steps.instance(number).getId(), "notificationRequired")).isEqualTo(false);
    assertThat(steps.tasks(number, Element.NOTIFY)).isEmpty();
    scenario.eradicateAndRecover(number);
    scenario.writeReport(number);

    SecurityIncident incident = scenario.record(number);
    assertThat(steps.path(number)).isEnded().hasPassed("registerSecurityIncident", "alertSecurityTeam",
        "assessBreachNotification", "applyBreachAssessment", "closeSecurityIncident", "securityIncidentClosed")
        .hasNotPassed("remindSecurityTeam", "recordNotificationOverdue");
    assertThat(incident.status()).isEqualTo(SecurityIncident.Status.CLOSED);
    assertThat(incident.severity()).isEqualTo("critical");
    assertThat(incident.reporter()).isEqualTo("desk");
    assertThat(incident.notifyRegulator()).isFalse();
    assertThat(incident.notificationDeadline()).isNull();
    assertThat(incident.lessonsLearned()).isEqualTo("Train staff; MFA everywhere");
    assertThat(timeline.of(number)).extracting(Timeline.Entry::type).containsExactly("REPORTED", "TRIAGED",
        "CONTAINED", "BREACH_ASSESSED", "ERADICATED", "RECOVERED", "CLOSED");
    assertThat(timeline.of(number)).filteredOn(e -> !e.type().equals("REPORTED") && !e.type().equals("CLOSED")
        && !e.type().equals("BREACH_ASSESSED")).extracting(Timeline.Entry::actor).containsOnly("secops");
  }

  @Test
  void aNotifiableBreachIsNotifiedWithin72HoursWhileTheThreatIsEradicated() {
    String number = scenario.reportAs("secops", scenario.report(Duration.ofHours(5)));
    Instant detected = scenario.record(number).detectedAt();

    scenario.triageAndContain(number, "financial", 20);
    SecurityIncident assessed = scenario.record(number);
    assertThat(assessed.notifyRegulator()).isTrue();
    assertThat(assessed.notifySubjects()).isTrue();
    assertThat(assessed.notificationDeadline()).isEqualTo(detected.plus(Duration.ofHours(72)));
    assertThat(timerDue(number, Element.DEADLINE)).isEqualTo(detected.plus(Duration.ofHours(72)));
    assertThat(timerDue(number, Element.REMINDER)).isEqualTo(detected.plus(Duration.ofHours(48)));

    scenario.eradicateAndRecover(number);
    assertThat(steps.tasks(number, Element.REPORT)).as("the report waits for the notification").isEmpty();
    Instant notifiedAt = clock.instant().minus(Duration.ofMinutes(10));
    steps.complete(number, Element.NOTIFY, "secops", Map.of("notifiedAt", notifiedAt.toString(),
        "notificationReference", "Regulator case 2026-118; mail to the 20 customers"));
    assertThat(timers(number)).as("the clock stops with the notification").isEmpty();
    scenario.writeReport(number);

    SecurityIncident closed = scenario.record(number);
    assertThat(closed.status()).isEqualTo(SecurityIncident.Status.CLOSED);
    assertThat(closed.notifiedAt()).isEqualTo(notifiedAt);
    assertThat(timeline.of(number)).extracting(Timeline.Entry::type).contains("NOTIFIED")
        .doesNotContain("NOTIFICATION_OVERDUE");
    assertThat(steps.path(number)).isEnded().hasPassed("closeSecurityIncident").hasNotPassed("escalateNotification");
  }

  @Test
  void anOpenNotificationIsRemindedAfter48HoursAndEscalatedAfter72() throws Exception {
    String number = scenario.reportAs("secops", scenario.report(Duration.ofHours(1)));
    scenario.triageAndContain(number, "special", 3);

    steps.fire(number, Element.REMINDER);
    steps.runAsyncJobs(number);
    assertThat(TestMail.subjects(smtp)).anyMatch(s -> s.contains(number) && s.contains("Breach notification due by"));
    assertThat(steps.tasks(number, Element.NOTIFY)).hasSize(1);

    steps.fire(number, Element.DEADLINE);
    steps.runAsyncJobs(number);
    Message escalation = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> TestMail.subject(m).contains(number) && TestMail.subject(m).contains("deadline missed")).findFirst().orElseThrow();
    assertThat(TestMail.addressees(smtp, subject -> subject.contains(number) && subject.contains("deadline missed")))
        .contains("manager@itops.localhost", "secops@itops.localhost");
    assertThat(TestMail.subject(escalation)).as("the summary stays with the security team")
        .doesNotContain(scenario.record(number).summary());
    assertThat(timeline.of(number)).extracting(Timeline.Entry::type).contains("NOTIFICATION_OVERDUE");
    assertThat(steps.tasks(number, Element.NOTIFY)).as("still to be done, late").hasSize(1);

    steps.complete(number, Element.NOTIFY, "secops", Map.of("notifiedAt", clock.instant().toString(),
        "notificationReference", "Regulator case 2026-119"));
    assertThat(timeline.of(number)).filteredOn(e -> e.type().equals("NOTIFIED")).singleElement()
        .satisfies(e -> assertThat(e.detail()).doesNotContain("after the deadline"));
  }

  @Test
  void aReportWithoutSeverityOrDetectedInTheFutureIsRefusedAndCreatesNothing() {
    long before = count();
    SecurityIncidentReport report = new SecurityIncidentReport("", "Something odd", null,
        clock.instant().plus(Duration.ofDays(1)).toString(), null);

    assertThatThrownBy(() -> steps.as("desk", () -> incidents.report(report)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
            .extracting(InvalidRequestException.FieldError::field)
            .containsExactlyInAnyOrder("summary", "severity", "detectedAt"));
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void triageWithPersonalDataNeedsTheRecordsAndTheCategory() {
    String number = scenario.reportAs("secops", scenario.report(Duration.ofHours(1)));

    assertThatThrownBy(() -> steps.complete(number, Element.TRIAGE, "secops", Map.of("severity", "urgent",
        "personalDataInvolved", true, "triageNotes", "")))
        .hasRootCauseInstanceOf(InvalidRequestException.class)
        .rootCause().hasMessageContainingAll("severity", "recordsAffected", "dataCategory", "triageNotes");
    assertThat(scenario.record(number).status()).isEqualTo(SecurityIncident.Status.REPORTED);
    assertThat(steps.tasks(number, Element.TRIAGE)).hasSize(1);
  }

  @Test
  void aNotificationBeforeTheDetectionIsRefused() {
    String number = scenario.reportAs("secops", scenario.report(Duration.ofHours(2)));
    scenario.triageAndContain(number, "identification", 5);
    Instant detected = scenario.record(number).detectedAt();

    assertThatThrownBy(() -> steps.complete(number, Element.NOTIFY, "secops", Map.of(
        "notifiedAt", detected.minus(Duration.ofHours(1)).toString(), "notificationReference", "")))
        .hasRootCauseInstanceOf(InvalidRequestException.class)
        .rootCause().hasMessageContainingAll("notifiedAt: is before the detection", "notificationReference");
    assertThat(scenario.record(number).notifiedAt()).isNull();
  }

  @ParameterizedTest(name = "personal {0}, {1}, {2} records: regulator {3}, subjects {4}")
  @CsvSource({
      "false, none,           0,    false, false",
      "true,  special,        1,    true,  true",
      "true,  financial,      1,    true,  true",
      "true,  identification, 100,  true,  true",
      "true,  identification, 99,   true,  false",
      "true,  contact,        1000, true,  false",
      "true,  contact,        999,  false, false"})
  void breachNotificationDecidesWhoIsTold(boolean personal, String category, long records, boolean regulator,
      boolean subjects) {
    Map<String, Object> result = decisionService.evaluateDecisionByKey(SecurityIncidentProcess.DECISION)
        .variables(Variables.createVariables().putValue("personalDataInvolved", personal)
            .putValue("dataCategory", category).putValue("recordsAffected", records))
        .evaluate().getSingleResult().getEntryMap();

    assertThat(result).containsEntry("notifyRegulator", regulator).containsEntry("notifySubjects", subjects);
  }

  private Instant timerDue(String number, String activityId) {
    return managementService.createJobQuery().processInstanceId(steps.instance(number).getId()).timers()
        .activityId(activityId).singleResult().getDuedate().toInstant();
  }

  private List<Date> timers(String number) {
    return managementService.createJobQuery().processInstanceId(steps.instance(number).getId()).timers().list()
        .stream().map(job -> job.getDuedate()).toList();
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from security_incident", Long.class);
  }
}
