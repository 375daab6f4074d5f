package org.itops.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.itops.problem.ProblemProcess.Element;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.itops.ProcessSteps;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.change.ChangeService;
import org.itops.incident.IncidentReport;
import org.itops.incident.IncidentService;
import org.itops.platform.Timeline;
import org.itops.problem.Problem.Source;
import org.itops.problem.Problem.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * problem-management, one test per path: recurring incidents open a problem whose known error is published and whose
 * fix change closes it after the watch; a refused fix change returns to the investigation; a recurrence during the
 * watch reopens it; a major incident's root-cause review raises a problem with its root cause.
 */
@SuiteTest
class ProblemManagementTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired ProblemScenario scenario;
  @Autowired ProcessSteps steps;
  @Autowired IncidentService incidents;
  @Autowired ChangeService changes;

  @Test
  void recurringIncidentsOpenAProblemWhoseKnownErrorIsPublishedAndWhoseFixClosesItAfterTheWatch() {
    String item = scenario.item();
    String first = scenario.incident(item, "server");
    String second = scenario.incident(item, "server");
    String third = scenario.incident(item, "server");

    String number = scenario.problemOf(third);
    assertThat(number).matches("PRB-\\d{6}");
    Problem raised = scenario.record(number);
    assertThat(raised.source()).isEqualTo(Source.RECURRENCE);
    assertThat(raised.incidents()).containsExactly(first, second, third);
    assertThat(incidents.timelineOf(first)).extracting(Timeline.Entry::detail)
        .contains("Linked to problem " + number);
    assertThat(steps.path(number)).isWaitingAt(Element.INVESTIGATE);

    scenario.investigate(number, "Application logs are never rotated", "Delete logs older than a week");
    String article = scenario.record(number).knownErrorArticle();
    assertThat(article).matches("KBA-\\d{6}");
    steps.complete(article, "writeArticle", "manager", Map.of());
    steps.complete(article, "reviewArticle", "demo", Map.of("decision", "approve"));
    String later = scenario.incident(item, "server");
    triage(later);
    steps.complete(later, "takeIncident", "engineer", Map.of());
    assertThat((String) steps.taskService().getVariable(steps.task(later, "workOnIncident").getId(),
        "suggestedArticleNumbers")).as("the known error offered on a new incident of the item").contains(article);
    assertThat(scenario.record(number).incidents()).contains(later);

    String change = scenario.requestFix(number);
    assertThat(steps.as("manager", () -> changes.view(change)).sourceRecord()).isEqualTo(number);
    assertThat(scenario.record(number).status()).isEqualTo(Status.FIXING);
    scenario.changeSucceeds(change);
    assertThat(scenario.record(number).status()).isEqualTo(Status.WATCHING);
    steps.fire(number, Element.WATCH_PERIOD_OVER);

    Problem closed = scenario.record(number);
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(closed.rootCauseAt()).isNotNull();
    assertThat(closed.recurredAfterFix()).isFalse();
    assertThat(steps.path(number)).isEnded().hasPassed(Element.INVESTIGATE, Element.PROPOSE_KNOWN_ERROR,
        Element.REQUEST_FIX, Element.RAISE_FIX_CHANGE, Element.FIX_CHANGE_CLOSED, Element.RECORD_FIX_OUTCOME,
        Element.WATCH_PERIOD_OVER, Element.CLOSE, Element.CLOSED).hasNotPassed(Element.RECURRED, Element.REOPEN);
    assertThat(scenario.incident(item, "server")).as("a new incident after the close").satisfies(fourth ->
        assertThat(scenario.record(number).incidents()).doesNotContain(fourth));
  }

  @Test
  void aFixChangeThatIsRejectedReturnsToTheInvestigation() {
    String number = raiseOnANewItem();
    scenario.investigate(number, "Log rotation missing", null);

    String change = scenario.requestFix(number);
    scenario.changeRejected(change);

    assertThat(scenario.record(number).status()).isEqualTo(Status.INVESTIGATING);
    assertThat(steps.path(number)).isWaitingAt(Element.INVESTIGATE).hasPassed(Element.FIX_CHANGE_CLOSED,
        Element.RECORD_FIX_OUTCOME).hasNotPassed(Element.PROPOSE_KNOWN_ERROR, Element.WATCH_PERIOD_OVER);
    assertThat(steps.taskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(Element.INVESTIGATE).singleResult()).isNotNull();
  }

  @Test
  void anIncidentOnTheItemDuringTheWatchReopensTheInvestigation() {
    String number = raiseOnANewItem();
    String item = scenario.record(number).configurationItem();
    scenario.investigate(number, "Log rotation missing", null);
    scenario.changeSucceeds(scenario.requestFix(number));
    assertThat(scenario.record(number).status()).isEqualTo(Status.WATCHING);

    String recurrence = scenario.incident(item, "server");

    Problem reopened = scenario.record(number);
    assertThat(reopened.status()).isEqualTo(Status.INVESTIGATING);
    assertThat(reopened.recurredAfterFix()).isTrue();
    assertThat(reopened.incidents()).contains(recurrence);
    assertThat(steps.path(number)).isWaitingAt(Element.INVESTIGATE).hasPassed(Element.RECURRED, Element.REOPEN)
        .hasNotPassed(Element.WATCH_PERIOD_OVER, Element.CLOSE);
  }

  @Test
  void aMajorIncidentsRootCauseReviewRaisesAProblemWithItsRootCause() {
    String item = scenario.item();
    String major = steps.as("requester", () -> incidents.report(new IncidentReport("Core switch down", "No network",
        "high", "high", "network", item, null, null, null), "test"));
    steps.complete(major, "postStatusUpdate", "manager", Map.of("statusUpdate", "Spare switch arriving"));
    triage(major);
    steps.complete(major, "takeIncident", "engineer", Map.of());
    steps.complete(major, "workOnIncident", "engineer", Map.of("outcome", "resolved", "resolutionCode", "FIXED",
        "resolutionNotes", "Replaced the switch"));
    steps.complete(major, "reviewRootCause", "engineer", Map.of("rootCause", "Firmware bug",
        "preventiveActions", "Upgrade firmware on all core switches"));

    String number = scenario.problemOf(major);
    Problem problem = scenario.record(number);
    assertThat(problem.source()).isEqualTo(Source.MAJOR_INCIDENT);
    assertThat(problem.rootCause()).isEqualTo("Firmware bug");
    assertThat(problem.rootCauseAt()).isNotNull();
    assertThat(steps.runtime().getVariable(steps.instance(number).getId(), ProblemProcess.Var.ROOT_CAUSE))
        .isEqualTo("Firmware bug");
    assertThat(incidents.timelineOf(major)).extracting(Timeline.Entry::detail).contains("Linked to problem " + number);
  }

  /** The service desk keeps the priority and assigns the incident to the engineers. */
  private void triage(String incident) {
    Object priority = steps.runtime().getVariable(steps.instance(incident).getId(), "priority");
    steps.complete(incident, "triageIncident", "desk", Map.of("priority", priority, "assignedGroup",
        "ops-engineers"));
  }

  /** A problem raised by {@code manager} on a new item with one incident linked. */
  private String raiseOnANewItem() {
    String item = scenario.item();
    String incident = scenario.incident(item, "server");
    return steps.as("manager", () -> scenario.problems().raise(new ProblemRequest("Disk fills up", null, "server",
        item, null, java.util.List.of(incident))));
  }
}
