package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.itops.incident.IncidentProcess.Element;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.itops.TestMail;
import org.itops.MutableClock;
import org.itops.SuiteTest;
import org.itops.incident.Incident.Status;
import org.itops.platform.InvalidRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** incident-lifecycle, one test per path: SLA timers, escalation, pauses, reassignment, reopen, major incidents. */
@SuiteTest
class IncidentLifecycleTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired IncidentScenario scenario;
  @Autowired IncidentService incidents;
  @Autowired MutableClock clock;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    clock.reset();
    BpmnAwareTests.init(engine);
  }

  @ParameterizedTest
  @CsvSource({"high, high, 100", "high, medium, 75", "medium, medium, 50", "low, low, 25"})
  void anIncidentsTasksCarryItsPriorityForTasklistToSortBy(String impact, String urgency, int taskPriority) {
    String number = scenario.report(impact, urgency, "server");

    assertThat(scenario.task(number, Element.TRIAGE).getPriority()).isEqualTo(taskPriority);
  }

  @Test
  void aReprioritisedIncidentsNextTasksCarryTheNewPriority() {
    String number = scenario.report("low", "low", "server");

    scenario.triage(number, "P2", "Payroll runs on this server tonight");

    assertThat(scenario.task(number, Element.TAKE).getPriority()).isEqualTo(75);
  }

  @Test
  void aConfirmedIncidentClosesWithEveryTimestamp() {
    String number = scenario.reportAndTake("medium", "medium");
    scenario.resolve(number);
    ProcessInstance instance = scenario.instance(number);
    assertThat(instance).isWaitingAt(Element.CONFIRM);

    scenario.complete(number, Element.CONFIRM, "requester", Map.of("confirmation", "yes"));

    assertThat(instance).isEnded().hasPassed("registerIncident", "classifyPriority", "lookUpSlaTargets",
        "chooseSupportGroup", Element.TRIAGE, Element.TAKE, Element.WORK, "recordResolution", "closeConfirmed")
        .hasNotPassed("reopenIncident", "closeUnconfirmed", "majorIncidentCommunication");
    Incident incident = scenario.record(number);
    assertThat(incident.getStatus()).isEqualTo(Status.CLOSED);
    assertThat(incident.getClosureCode()).isEqualTo("CONFIRMED");
    assertThat(incident.getPriority()).isEqualTo("P3");
    assertThat(incident.getEngineer()).isEqualTo("engineer");
    assertThat(incident.getRespondedAt()).isNotNull();
    assertThat(incident.getResolvedAt()).isNotNull();
    assertThat(incident.getClosedAt()).isNotNull();
    assertThat(incidents.timelineOf(number)).extracting(entry -> entry.type()).containsSubsequence(
        "REPORTED", "CLASSIFIED", "ASSIGNED", "RESPONDED", "RESOLVED", "CLOSED");
  }

  @Test
  void aStartWithOnlyTheStartFormsValuesRegistersTheIncident() {
    // what Tasklist's start form submits: its fields and nothing else
    Map<String, Object> form = Map.of("title", "Scanner offline", "impact", "low", "urgency", "low",
        "category", "workplace", "declareMajor", false);

    String number = scenario.as("requester", () -> runtimeService.startProcessInstanceByKey("incident-lifecycle", form)
        .getBusinessKey());

    Incident incident = scenario.record(number);
    assertThat(incident.getSource()).isEqualTo("tasklist");
    assertThat(incident.getReporter()).isEqualTo("requester");
    assertThat(scenario.instance(number)).isWaitingAt(Element.TRIAGE);
  }

  @ParameterizedTest(name = "{2}: respond within {3}, resolve within {4}")
  @CsvSource({
      "high,   high,   P1, PT15M, PT4H",
      "high,   medium, P2, PT30M, PT8H",
      "medium, medium, P3, PT4H,  P3D",
      "low,    low,    P4, P1D,   P10D"})
  void eachPriorityRunsItsSlaTimersFromTheDmnTargets(String impact, String urgency, String priority,
      String responseTarget, String resolutionTarget) {
    String number = scenario.report(impact, urgency, "network");
    Instant reported = scenario.record(number).getReportedAt();
    Duration resolution = Duration.parse(resolutionTarget);

    assertThat(scenario.record(number).getPriority()).isEqualTo(priority);
    assertThat(due(number, Element.RESPONSE_TARGET_MISSED)).isEqualTo(reported.plus(Duration.parse(responseTarget)));

    scenario.triage(number, null, null);
    scenario.take(number);

    assertThat(due(number, Element.RESOLUTION_WARNING_DUE))
        .isEqualTo(reported.plusMillis(resolution.toMillis() * 8 / 10));
    assertThat(due(number, Element.RESOLUTION_TARGET_MISSED)).isEqualTo(reported.plus(resolution));
    assertThat(scenario.task(number, Element.WORK).getDueDate().toInstant()).isEqualTo(reported.plus(resolution));

    scenario.fire(number, Element.RESOLUTION_WARNING_DUE);
    scenario.fire(number, Element.RESOLUTION_TARGET_MISSED);
    assertThat(scenario.record(number).isResolutionWarned()).isTrue();
    assertThat(scenario.record(number).isResolutionBreached()).isTrue();
    scenario.runMailJobs(number);
    assertThat(scenario.instance(number)).isWaitingAt(Element.WORK, Element.REVIEW_BREACH);
  }

  @ParameterizedTest(name = "{2}: response target {3}")
  @CsvSource({"high, high, P1, PT15M", "high, medium, P2, PT30M", "medium, medium, P3, PT4H", "low, low, P4, P1D"})
  void eachPriorityMissesItsResponseTargetAtItsOwnTime(String impact, String urgency, String priority,
      String responseTarget) {
    String number = scenario.report(impact, urgency, "network");
    Instant reported = scenario.record(number).getReportedAt();
    assertThat(due(number, Element.RESPONSE_TARGET_MISSED)).isEqualTo(reported.plus(Duration.parse(responseTarget)));

    scenario.fire(number, Element.RESPONSE_TARGET_MISSED);

    assertThat(scenario.record(number).isResponseBreached()).isTrue();
    assertThat(scenario.instance(number)).isWaitingAt(Element.TRIAGE);
  }

  @Test
  void aMissedResponseIsRecordedAndMailedToManagersAndTheGroup() throws Exception {
    String number = scenario.report("high", "medium", "network");

    scenario.fire(number, Element.RESPONSE_TARGET_MISSED);
    scenario.runMailJobs(number);

    assertThat(scenario.record(number).isResponseBreached()).isTrue();
    assertThat(scenario.instance(number)).isWaitingAt(Element.TRIAGE).hasPassed("escalateMissedResponse");
    assertThat(recipientsOf("[" + number + "] Response target missed")).contains("manager@itops.localhost",
        "engineer@itops.localhost");
    scenario.triage(number, null, null);
    scenario.take(number);
    assertThat(incidents.timelineOf(number)).anySatisfy(entry -> assertThat(entry.detail())
        .isEqualTo("engineer took the incident (after the response target)"));
  }

  @Test
  void theWarningAtEightyPercentMailsTheGroupAndTheBreachEscalatesWithATask() throws Exception {
    String number = scenario.reportAndTake("high", "medium");

    scenario.fire(number, Element.RESOLUTION_WARNING_DUE);
    scenario.runMailJobs(number);
    scenario.fire(number, Element.RESOLUTION_TARGET_MISSED);
    scenario.runMailJobs(number);

    Incident incident = scenario.record(number);
    assertThat(incident.isResolutionWarned()).isTrue();
    assertThat(incident.isResolutionBreached()).isTrue();
    assertThat(recipientsOf("[" + number + "] 80% of the resolution time used")).contains("engineer@itops.localhost");
    assertThat(recipientsOf("[" + number + "] Resolution target missed")).contains("manager@itops.localhost");
    assertThat(scenario.task(number, Element.REVIEW_BREACH).getName()).isEqualTo("Review breached incident");
    scenario.complete(number, Element.REVIEW_BREACH, "manager", Map.of("breachAction", "Second engineer assigned"));
    assertThat(scenario.instance(number)).isWaitingAt(Element.WORK).hasPassed("breachReviewed");
  }

  @Test
  void resolvingDoesNotWaitForTheBreachReview() {
    String number = scenario.reportAndTake("high", "medium");
    scenario.fire(number, Element.RESOLUTION_TARGET_MISSED);
    scenario.runMailJobs(number);

    scenario.resolve(number);

    Incident incident = scenario.record(number);
    assertThat(incident.getStatus()).isEqualTo(Status.RESOLVED);
    assertThat(incident.getResolvedAt()).isNotNull();
    assertThat(scenario.instance(number)).isWaitingAt(Element.CONFIRM, Element.REVIEW_BREACH);
    scenario.complete(number, Element.REVIEW_BREACH, "manager", Map.of("breachAction", "Second engineer assigned"));
    assertThat(scenario.instance(number)).isWaitingAt(Element.CONFIRM).hasPassed("breachReviewed");
  }

  @Test
  void waitingForTheRequesterPausesTheResolutionClockByTheMinutesItWaits() {
    String number = scenario.reportAndTake("high", "medium");
    Instant dueBefore = due(number, Element.RESOLUTION_TARGET_MISSED);

    scenario.ask(number, "Which mailbox is affected?");
    assertThat(scenario.record(number).getStatus()).isEqualTo(Status.WAITING_FOR_REQUESTER);
    assertThat(scenario.instance(number)).isWaitingAt(Element.ANSWER_QUESTION);
    assertThat(timerCount(number, Element.RESOLUTION_TARGET_MISSED)).as("clock stopped").isZero();
    clock.advance(Duration.ofMinutes(42));
    scenario.answer(number);

    Incident incident = scenario.record(number);
    assertThat(incident.getPausedSeconds() / 60).isEqualTo(42);
    assertThat(incident.getStatus()).isEqualTo(Status.IN_PROGRESS);
    assertThat(due(number, Element.RESOLUTION_TARGET_MISSED)).isEqualTo(dueBefore.plus(Duration.ofMinutes(42)));
    assertThat(scenario.task(number, Element.WORK).getAssignee()).as("back to the same engineer").isEqualTo("engineer");
  }

  @Test
  void aWarningGivenBeforeAPauseIsNotGivenAgain() throws Exception {
    String number = scenario.reportAndTake("high", "medium");
    scenario.fire(number, Element.RESOLUTION_WARNING_DUE);
    scenario.runMailJobs(number);
    scenario.ask(number, "Still broken?");
    scenario.answer(number);

    scenario.fire(number, Element.RESOLUTION_WARNING_DUE);
    scenario.runMailJobs(number);

    assertThat(scenario.instance(number)).hasPassed("warningNotRepeated");
    assertThat(recipientsOf("[" + number + "] 80% of the resolution time used"))
        .as("one mail per recipient, not two").doesNotHaveDuplicates();
  }

  @Test
  void theServiceDeskReassignsAndThePausedTimeIsKept() {
    String number = scenario.reportAndTake("high", "medium");
    scenario.ask(number, "Which mailbox?");
    clock.advance(Duration.ofMinutes(15));
    scenario.answer(number);

    scenario.as("desk", () -> {
      incidents.requestReassignment(number, "security-team", "Looks like a phishing wave");
      return null;
    });
    scenario.runMailJobs(number);

    Incident incident = scenario.record(number);
    assertThat(incident.getAssignedGroup()).isEqualTo("security-team");
    assertThat(incident.getEngineer()).isNull();
    assertThat(incident.getPausedSeconds() / 60).isEqualTo(15);
    assertThat(scenario.task(number, Element.WORK).getAssignee()).isNull();
    assertThat(scenario.instance(number)).hasPassed("recordReassignment", "notifyNewGroup");
    assertThatThrownBy(() -> scenario.as("desk", () -> {
      incidents.requestReassignment(number, "requesters", "no");
      return null;
    })).isInstanceOf(InvalidRequestException.class).hasMessageContaining("group");
  }

  @Test
  void aRejectedResolutionReopensToTheSameGroupAndTheWaitDoesNotCount() {
    String number = scenario.reportAndTake("high", "medium");
    Instant resolutionDueBefore = due(number, Element.RESOLUTION_TARGET_MISSED);
    scenario.resolve(number);
    clock.advance(Duration.ofMinutes(90));

    scenario.complete(number, Element.CONFIRM, "requester", Map.of("confirmation", "no",
        "rejectionReason", "Still no mail from outside"));
    scenario.runMailJobs(number);

    Incident incident = scenario.record(number);
    // the 90 minutes of waiting for the confirmation do not count: the reopened work is due 90 minutes later
    assertThat(incident.getResolutionDue()).isEqualTo(resolutionDueBefore.plus(Duration.ofMinutes(90)));
    assertThat(due(number, Element.RESOLUTION_TARGET_MISSED)).isEqualTo(incident.getResolutionDue());
    assertThat(due(number, Element.RESOLUTION_WARNING_DUE)).isEqualTo(incident.getWarningDue());
    assertThat(scenario.task(number, Element.WORK).getDueDate().toInstant()).isEqualTo(incident.getResolutionDue());
    assertThat(incident.getReopenCount()).isEqualTo(1);
    assertThat(incident.getStatus()).isEqualTo(Status.IN_PROGRESS);
    assertThat(incident.getAssignedGroup()).isEqualTo("ops-engineers");
    assertThat(incident.getPausedSeconds() / 60).isEqualTo(90);
    assertThat(scenario.task(number, Element.WORK).getAssignee()).isNull();
    assertThat(scenario.instance(number)).hasPassed("reopenIncident", "notifyGroupOfReopen");
  }

  @Test
  void aConfirmationWithoutAnswerNeedsAReason() {
    String number = scenario.reportAndTake("high", "medium");
    scenario.resolve(number);

    assertThatThrownBy(() -> scenario.complete(number, Element.CONFIRM, "requester", Map.of("confirmation", "no")))
        .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("rejectionReason: is required");
    assertThat(scenario.instance(number)).isWaitingAt(Element.CONFIRM);
  }

  @Test
  void withoutAnAnswerInThreeDaysTheIncidentClosesByItself() {
    String number = scenario.reportAndTake("high", "medium");
    scenario.resolve(number);
    ProcessInstance instance = scenario.instance(number);

    assertThat(scenario.timer(number, Element.NO_ANSWER_IN_THREE_DAYS).getDuedate().toInstant())
        .isCloseTo(Instant.now().plus(Duration.ofDays(3)), within(2, ChronoUnit.MINUTES));
    scenario.fire(number, Element.NO_ANSWER_IN_THREE_DAYS);

    assertThat(instance).isEnded().hasPassed("closeUnconfirmed").hasNotPassed("closeConfirmed");
    assertThat(scenario.record(number).getClosureCode()).isEqualTo("NO_ANSWER");
  }

  @Test
  void overridingThePriorityNeedsAReasonAndRecalculatesTheSlaFromTheReport() {
    String number = scenario.report("low", "medium", "application");
    Instant reported = scenario.record(number).getReportedAt();

    assertThatThrownBy(() -> scenario.triage(number, "P2", null))
        .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("overrideReason: is required");
    scenario.triage(number, "P2", "The whole sales team is affected");

    Incident incident = scenario.record(number);
    assertThat(incident.getComputedPriority()).isEqualTo("P4");
    assertThat(incident.getPriority()).isEqualTo("P2");
    assertThat(incident.getPriorityReason()).isEqualTo("The whole sales team is affected");
    assertThat(incident.getResponseDue()).isEqualTo(reported.plus(Duration.ofMinutes(30)));
    assertThat(due(number, Element.RESPONSE_TARGET_MISSED)).isEqualTo(reported.plus(Duration.ofMinutes(30)));
    assertThat(scenario.instance(number)).hasPassed("lookUpNewSlaTargets", "recalculateSlaClocks");
  }

  @Test
  void aMajorIncidentSendsStatusUpdatesEveryThirtyMinutesUntilResolvedThenReviewsTheRootCause() throws Exception {
    String number = scenario.report("high", "high", "network");
    ProcessInstance instance = scenario.instance(number);
    assertThat(scenario.record(number).isMajor()).isTrue();
    assertThat(instance).hasPassed("pageOnCall");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("on-call-page")
        .processInstanceBusinessKey(number).count()).as("the person on call paged").isOne();

    scenario.complete(number, Element.POST_STATUS_UPDATE, "manager", Map.of("statusUpdate", "Core switch down"));
    scenario.runMailJobs(number);
    assertThat(recipientsOf("[" + number + "] Major incident status")).contains("owner@itops.localhost",
        "manager@itops.localhost");
    assertThat(scenario.timer(number, Element.THIRTY_MINUTES_LATER).getDuedate().toInstant())
        .isCloseTo(Instant.now().plus(Duration.ofMinutes(30)), within(1, ChronoUnit.MINUTES));
    scenario.fire(number, Element.THIRTY_MINUTES_LATER);
    scenario.complete(number, Element.POST_STATUS_UPDATE, "manager", Map.of("statusUpdate", "Spare switch arriving"));
    scenario.runMailJobs(number);

    scenario.triage(number, null, null);
    scenario.take(number);
    scenario.resolve(number);

    assertThat(instance).isWaitingAt(Element.REVIEW_ROOT_CAUSE, Element.CONFIRM);
    assertThat(timerCount(number, Element.THIRTY_MINUTES_LATER)).as("no more updates").isZero();
    scenario.complete(number, Element.REVIEW_ROOT_CAUSE, "engineer", Map.of("rootCause", "Firmware bug",
        "preventiveActions", "Upgrade firmware on all core switches"));
    scenario.complete(number, Element.CONFIRM, "requester", Map.of("confirmation", "yes"));
    assertThat(instance).isEnded().hasPassed("recordProblem", "rootCauseRecorded");
    assertThat(jdbc.queryForObject("select root_cause from problem_record where incident_number = ?", String.class,
        number)).isEqualTo("Firmware bug");
    assertThat(incidents.timelineOf(number)).filteredOn(entry -> entry.type().equals("STATUS_UPDATE")).hasSize(2);
  }

  @Test
  void theServiceDeskDeclaresAMajorIncidentInTriage() {
    String number = scenario.report("medium", "medium", "server");
    assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(scenario.instance(number).getId())
        .count()).isGreaterThan(0);

    scenario.complete(number, Element.TRIAGE, "desk", Map.of("priority", "P3", "assignedGroup", "ops-engineers",
        "declareMajor", true));

    assertThat(scenario.record(number).isMajor()).isTrue();
    assertThat(scenario.instance(number)).isWaitingAt(Element.POST_STATUS_UPDATE);
    assertThat(jdbc.queryForObject("select group_id from oncall_page where incident_number = ?", String.class, number))
        .as("the triaged group's person on call paged").isEqualTo("ops-engineers");
  }

  @Test
  void anAlertResolvedDuringTheWorkMovesTheIncidentToVerification() {
    String number = scenario.reportAndTake("high", "medium");

    incidents.alertResolved(number, "CPU back under 80%");

    Incident incident = scenario.record(number);
    assertThat(incident.getStatus()).isEqualTo(Status.RESOLVED);
    assertThat(incident.getResolutionCode()).isEqualTo("ALERT_CLEARED");
    assertThat(incident.getResolutionNotes()).contains("CPU back under 80%");
    assertThat(scenario.instance(number)).hasPassed("alertResolvedDuringWork", "recordAlertResolution");
  }

  @Test
  void anAlertResolvedBeforeTheWorkBeginsIsKeptUntilTheWorkWouldBegin() {
    String number = scenario.report("high", "medium", "server");

    incidents.alertResolved(number, "Disk space recovered");
    incidents.alertResolved(number, "Disk space recovered");
    assertThat(scenario.instance(number)).isWaitingAt(Element.TRIAGE);
    scenario.triage(number, null, null);
    scenario.take(number);

    assertThat(scenario.instance(number)).hasPassed("alertResolutionJoin", "recordAlertResolution")
        .hasNotPassed(Element.WORK);
    scenario.runMailJobs(number);
    assertThat(scenario.instance(number)).isWaitingAt(Element.CONFIRM);
    assertThat(incidents.timelineOf(number)).filteredOn(entry -> entry.type().equals("ALERT_RESOLVED")).hasSize(1);
  }

  @Test
  void aProposedArticleIsRecordedAndStartsTheKnowledgeProcessOnceItExists() {
    String withoutProcess = scenario.reportAndTake("low", "low");
    resolveProposingArticle(withoutProcess);
    assertThat(scenario.record(withoutProcess).isKnowledgeProposed()).isTrue();

    String deployment = repositoryService.createDeployment().addModelInstance("knowledge-article.bpmn",
        Bpmn.createExecutableProcess("knowledge-article").camundaHistoryTimeToLive(1).startEvent().userTask("draft")
            .endEvent().done()).deploy().getId();
    try {
      String withProcess = scenario.reportAndTake("low", "low");
      resolveProposingArticle(withProcess);

      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("knowledge-article")
          .variableValueEquals("sourceIncident", withProcess).count()).isOne();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void anInvalidReportCreatesNothing() {
    long before = jdbc.queryForObject("select count(*) from incident", Long.class);

    assertThatThrownBy(() -> scenario.as("requester", () -> incidents.report(
        new IncidentReport(" ", null, "huge", "low", "coffee", null, null, null, null), "test")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
            .extracting(error -> error.field()).containsExactlyInAnyOrder("title", "impact", "category"));
    assertThatThrownBy(() -> scenario.as("requester", () -> incidents.report(
        new IncidentReport("Printer", null, "low", "low", "workplace", null, null, "engineer", null), "test")))
        .hasMessageContaining("only the service desk may report for someone else");

    assertThat(jdbc.queryForObject("select count(*) from incident", Long.class)).isEqualTo(before);
  }

  @Test
  void theServiceDeskReportsForSomeoneElse() {
    String number = scenario.as("desk", () -> incidents.report(
        new IncidentReport("VPN broken", null, "low", "high", "network", null, null, "requester", null), "phone"));

    assertThat(scenario.record(number).getReporter()).isEqualTo("requester");
    assertThat(scenario.record(number).getSource()).isEqualTo("phone");
  }

  private void resolveProposingArticle(String number) {
    scenario.complete(number, Element.WORK, "engineer", Map.of("outcome", "resolved", "resolutionCode", "WORKAROUND",
        "resolutionNotes", "Cleared the cache", "proposeArticle", true));
  }

  private Instant due(String number, String timerId) {
    return scenario.timer(number, timerId).getDuedate().toInstant();
  }

  private long timerCount(String number, String timerId) {
    return engine.getManagementService().createJobQuery().processInstanceId(scenario.instance(number).getId())
        .activityId(timerId).count();
  }

  /** The recipients of each mail with that subject (GreenMail keeps a copy per recipient: counted once). */
  private static List<String> recipientsOf(String subjectStart) throws Exception {
    Set<String> mails = new HashSet<>();
    List<String> recipients = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (message.getSubject().startsWith(subjectStart) && mails.add(message.getMessageID())) {
        Arrays.stream(message.getAllRecipients()).map(address -> ((jakarta.mail.internet.InternetAddress) address).getAddress()).forEach(recipients::add);
      }
    }
    return recipients;
  }
}
