package org.itops.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.itops.ProcessSteps;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.catalog.CatalogScenario;
import org.itops.demand.DemandProcess.Element;
import org.itops.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of service-demand: routing, questions, rework, rejection and revision, reminders, demand changes. */
@SuiteTest
class ServiceDemandTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired DemandScenario scenario;
  @Autowired DemandService demands;
  @Autowired ProcessSteps steps;
  @Autowired CatalogScenario catalog;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @ParameterizedTest(name = "cost {0}, risk {1}, {2} services: {3}")
  @CsvSource({
      "small,      low,    0, service-owner",
      "medium,     low,    0, it-manager",
      "large,      low,    0, parallel",
      "small,      low,    3, parallel",
      "very-large, low,    0, sequential",
      "small,      high,   0, sequential"})
  void eachRouteOfTheDmnTableAsksItsApproversInItsOrder(String costBand, String risk, int services, String route) {
    List<String> named = new java.util.ArrayList<>();
    for (int i = 0; i < services; i++) {
      named.add(catalog.publish("Demand service " + UUID.randomUUID().toString().substring(0, 8), "silver"));
    }
    List<String> names = named.stream().map(n -> jdbc.queryForObject("select name from catalog_service where number = ?",
        String.class, n)).toList();
    String number = scenario.submit("requester", scenario.request(costBand, names));

    scenario.analyseAndDocument(number, risk);

    assertThat(scenario.record(number).getApprovalRoute()).isEqualTo(route);
    switch (route) {
      case "service-owner" -> assertThat(scenario.approverGroups(number)).containsExactly("service-owners");
      case "it-manager" -> assertThat(scenario.approverGroups(number)).containsExactly("it-managers");
      case "parallel" -> assertThat(scenario.approverGroups(number)).containsExactly("it-managers", "service-owners");
      default -> {
        assertThat(scenario.approverGroups(number)).containsExactly("service-owners");
        scenario.decide(number, "service-owners", "approve", null);
        assertThat(scenario.approverGroups(number)).as("then the IT managers").containsExactly("it-managers");
      }
    }
    scenario.approveAll(number);
    assertThat(scenario.record(number).getStatus()).isEqualTo(Demand.Status.IMPLEMENTATION);
    assertThat(steps.path(number)).isWaitingAt("implementDemand")
        .hasPassed("registerDemand", "notifyReceived", "routeApproval", "recordRoute", "markApproved", "notifyApproved")
        .hasNotPassed("rejectDemand");
    assertThat(TestMail.subjects(smtp).stream().filter(s -> s.contains(number)).toList()).anyMatch(s -> s.contains("received")).anyMatch(s -> s.contains("approved"));
  }

  @Test
  void theAnalystAsksTheRequesterAndAnalysesAgainWithTheAnswer() {
    String number = scenario.submit("requester", scenario.request("small", List.of()));

    steps.complete(number, Element.ANALYSE, "desk", Map.of("analysisOutcome", "question", "question",
        "Which systems hold the accounts?"));
    assertThat(steps.task(number, Element.ANSWER_QUESTION).getAssignee()).isEqualTo("requester");
    steps.complete(number, Element.ANSWER_QUESTION, "requester", Map.of("answer", "Active Directory only"));

    assertThat(steps.tasks(number, Element.ANALYSE)).hasSize(1);
    assertThat(types(number)).containsSubsequence("QUESTION", "ANSWERED", "ANALYSIS");
  }

  @Test
  void aRequesterDoesNotApproveTheirOwnDemand() {
    String number = scenario.submit("owner", scenario.request("small", List.of()));
    scenario.analyseAndDocument(number, "low");

    assertThatThrownBy(() -> scenario.decide(number, "service-owners", "approve", null))
        .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("someone else approves it");
    assertThat(scenario.approverGroups(number)).containsExactly("service-owners");
  }

  @Test
  void anApproverSendsTheSpecificationBackForReworkAndItGetsANewVersion() {
    String number = scenario.submit("requester", scenario.request("small", List.of()));
    scenario.analyseAndDocument(number, "low");

    assertThatThrownBy(() -> scenario.decide(number, "service-owners", "rework", null))
        .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("approvalReason");
    scenario.decide(number, "service-owners", "rework", "Say how users prove who they are");
    scenario.document(number, "Reset portal; users prove themselves with MFA");
    scenario.approveAll(number);

    assertThat(demands.specifications(number)).extracting(DemandRepository.Specification::version).containsExactly(1, 2);
    assertThat(demands.specifications(number).get(1).reason()).contains("Say how users prove who they are");
    assertThat(scenario.record(number).getStatus()).isEqualTo(Demand.Status.IMPLEMENTATION);
  }

  @Test
  void aRejectedDemandIsRevisedOnceAndARejectionOfTheRevisionEndsItKeepingBothVersions() {
    String number = scenario.submit("requester", scenario.request("small", List.of()));
    scenario.analyseAndDocument(number, "low");

    scenario.decide(number, "service-owners", "reject", "No budget this year");
    steps.runAsyncJobs(number);
    assertThat(scenario.record(number).getStatus()).isEqualTo(Demand.Status.REVISION);
    assertThat(TestMail.subjects(smtp).stream().filter(s -> s.contains(number)).toList()).anyMatch(s -> s.contains("rejected: No budget this year"));
    steps.complete(number, Element.REVISE, "requester", Map.of("revision", "resubmit", "title",
        "Password reset for the call centre only", "businessNeed", "The call centre resets most", "expectedBenefit",
        "Half the calls", "costBand", "small"));
    assertThat(scenario.record(number).getTitle()).isEqualTo("Password reset for the call centre only");
    scenario.analyseAndDocument(number, "low");
    scenario.decide(number, "service-owners", "reject", "Still no budget");
    steps.runAsyncJobs(number);

    assertThat(scenario.record(number).getStatus()).isEqualTo(Demand.Status.REJECTED);
    assertThat(scenario.record(number).getRejections()).isEqualTo(2);
    assertThat(steps.path(number)).isEnded().hasPassed("rejectDemand", "notifyRejected", "demandFinallyRejected")
        .hasNotPassed("markApproved");
    assertThat(demands.specifications(number)).hasSize(2);
  }

  @Test
  void theRequesterMayWithdrawARejectedDemand() {
    String number = scenario.submit("requester", scenario.request("small", List.of()));
    scenario.analyseAndDocument(number, "low");
    scenario.decide(number, "service-owners", "reject", "Duplicate of another demand");
    steps.runAsyncJobs(number);

    steps.complete(number, Element.REVISE, "requester", Map.of("revision", "withdraw"));

    assertThat(scenario.record(number).getStatus()).isEqualTo(Demand.Status.WITHDRAWN);
    assertThat(steps.path(number)).isEnded().hasPassed("closeWithdrawn", "withdrawn");
  }

  @Test
  void aWaitingApprovalIsRemindedEveryTwoDaysAndDecidedByItManagersAfterSeven() {
    String number = scenario.submit("requester", scenario.request("small", List.of()));
    scenario.analyseAndDocument(number, "low");

    steps.fire(number, "approvalWaiting");
    steps.runAsyncJobs(number);
    assertThat(TestMail.subjects(smtp).stream().filter(s -> s.contains(number)).toList()).anyMatch(s -> s.contains("Approval waiting"));
    steps.fire(number, "approvalOverdue");

    assertThat(scenario.approverGroups(number)).isEmpty();
    steps.complete(number, Element.DECIDE_OVERDUE, "manager", Map.of("approval", "approve"));
    steps.runAsyncJobs(number);
    assertThat(scenario.record(number).getStatus()).isEqualTo(Demand.Status.IMPLEMENTATION);
  }

  @Test
  void aDemandChangeDuringDeliveryIsAnalysedApprovedWhenTheDmnSaysAndRaisesTheSpecificationVersion() {
    String number = scenario.approved("requester", "small", List.of());
    assertThat(scenario.record(number).getSpecVersion()).isEqualTo(1);

    steps.as("requester", () -> {
      demands.requestChange(number, "Also unlock accounts");
      return null;
    });
    steps.complete(number, Element.ANALYSE_CHANGE, "owner", Map.of("changeSpecification", "Reset and unlock",
        "costBand", "small", "risk", "low"));
    assertThat(scenario.record(number).getSpecVersion()).as("small and low: no new approval").isEqualTo(2);

    steps.as("requester", () -> {
      demands.requestChange(number, "Also for contractors");
      return null;
    });
    steps.complete(number, Element.ANALYSE_CHANGE, "owner", Map.of("changeSpecification", "Reset, unlock, contractors",
        "costBand", "large", "risk", "medium"));
    assertThat(scenario.record(number).getSpecVersion()).as("waits for its approval").isEqualTo(2);
    steps.complete(number, Element.REAPPROVE_CHANGE, "manager", Map.of("changeApproval", "approve"));
    assertThat(scenario.record(number).getSpecVersion()).isEqualTo(3);
    assertThat(demands.specifications(number).get(2).reason()).isEqualTo("Demand change: Also for contractors");

    steps.as("requester", () -> {
      demands.requestChange(number, "Also for robots");
      return null;
    });
    steps.complete(number, Element.ANALYSE_CHANGE, "owner", Map.of("changeSpecification", "Everything",
        "costBand", "very-large", "risk", "high"));
    steps.complete(number, Element.REAPPROVE_CHANGE, "manager", Map.of("changeApproval", "reject",
        "changeApprovalReason", "Out of scope"));
    assertThat(scenario.record(number).getSpecVersion()).as("a rejected change changes nothing").isEqualTo(3);
    assertThat(steps.tasks(number, Element.DESIGN)).as("the delivery went on meanwhile").hasSize(1);
  }

  @Test
  void aDemandTakesNoChangeBeforeItsApprovalAndBadRequestsCreateNothing() {
    String number = scenario.submit("requester", scenario.request("small", List.of()));
    assertThatThrownBy(() -> steps.as("requester", () -> {
      demands.requestChange(number, "More");
      return null;
    })).isInstanceOf(InvalidRequestException.class).hasMessageContaining("while it is approved");

    long before = jdbc.queryForObject("select count(*) from demand", Long.class);
    assertThatThrownBy(() -> scenario.submit("requester", new DemandRequest(" ", null, "x",
        LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1).toString(), "huge", List.of("No such service"))))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(((InvalidRequestException) e).errors()).extracting(
            InvalidRequestException.FieldError::field).containsExactlyInAnyOrder("title", "businessNeed", "costBand",
            "requestedDate", "affectedServices"));
    assertThat(jdbc.queryForObject("select count(*) from demand", Long.class)).isEqualTo(before);
  }

  private List<String> types(String number) {
    return jdbc.queryForList("select type from record_event where record_number = ? order by id", String.class, number);
  }
}
