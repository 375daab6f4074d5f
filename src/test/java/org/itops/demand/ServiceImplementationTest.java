package org.itops.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.itops.ProcessSteps;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.cmdb.CiInput;
import org.itops.cmdb.CmdbMaintenance;
import org.itops.demand.DemandProcess.Element;
import org.itops.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of service-implementation: budget approval, milestones, the quality gate, its escalation, a change. */
@SuiteTest
class ServiceImplementationTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired DemandScenario scenario;
  @Autowired DemandService demands;
  @Autowired ProcessSteps steps;
  @Autowired CmdbMaintenance cmdb;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void aBudgetOverTheEstimateNeedsTheItManagersAndARejectionAllocatesAgain() {
    String number = scenario.approved("requester", "small", List.of());
    scenario.design(number, "Portal");

    scenario.allocate(number, 25000);
    assertThatThrownBy(() -> steps.complete(number, Element.APPROVE_BUDGET, "manager",
        Map.of("budgetDecision", "reject"))).hasRootCauseInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("budgetReason");
    steps.complete(number, Element.APPROVE_BUDGET, "manager", Map.of("budgetDecision", "reject",
        "budgetReason", "Use the shared test environment"));
    scenario.allocate(number, 18000);
    steps.complete(number, Element.APPROVE_BUDGET, "manager", Map.of("budgetDecision", "approve"));

    assertThat(steps.tasks(number, Element.IMPLEMENT_MILESTONE)).hasSize(1);
    assertThat(demands.deliveryOf(number).getBudgetApprovedBy()).isEqualTo("manager");
    assertThat(types(number)).containsSubsequence("RESOURCES_ALLOCATED", "BUDGET_REJECT", "RESOURCES_ALLOCATED",
        "BUDGET_APPROVE");
  }

  @Test
  void aBudgetWithinTheEstimateGoesStraightToOneTaskPerMilestone() {
    String number = scenario.approved("requester", "medium", List.of());
    scenario.design(number, "Portal\nMFA integration\n\nRollout");

    scenario.allocate(number, 40000);

    assertThat(steps.tasks(number, Element.APPROVE_BUDGET)).isEmpty();
    assertThat(steps.tasks(number, Element.IMPLEMENT_MILESTONE)).extracting(task ->
        steps.taskService().getVariable(task.getId(), "milestone")).containsExactlyInAnyOrder("Portal",
        "MFA integration", "Rollout");
  }

  @Test
  void aFailedQualityCheckGoesBackWithItsFindingsAndTheThirdFailureGoesToItManagers() {
    String number = scenario.approved("requester", "small", List.of());
    scenario.design(number, "Portal");
    scenario.allocate(number, 1000);

    for (int failure = 1; failure <= 2; failure++) {
      scenario.implement(number);
      scenario.qualityControl(number, false);
      assertThat(steps.taskService().getVariable(steps.task(number, Element.IMPLEMENT_MILESTONE).getId(), "findings"))
          .isEqualTo("The runbook is missing");
    }
    scenario.implement(number);
    scenario.qualityControl(number, false);
    assertThat(steps.tasks(number, Element.IMPLEMENT_MILESTONE)).isEmpty();
    steps.complete(number, Element.DECIDE_ESCALATION, "manager", Map.of("escalationDecision", "rework"));
    scenario.implement(number);
    scenario.qualityControl(number, false);
    steps.complete(number, Element.DECIDE_ESCALATION, "manager", Map.of("escalationDecision", "cancel",
        "escalationReason", "The team cannot deliver it"));
    steps.runAsyncJobs(number);

    assertThat(demands.deliveryOf(number).getQcFailures()).isEqualTo(4);
    assertThat(scenario.record(number).getStatus()).isEqualTo(Demand.Status.CANCELLED);
    assertThat(steps.path(number)).isEnded().hasPassed("implementDemand", "closeCancelled", "cancelled")
        .hasNotPassed("askFeedback");
  }

  @Test
  void aDesignThatNeedsAProductionChangeRaisesItThroughChangeManagement() {
    String number = scenario.approved("requester", "small", List.of());
    String item = steps.as("engineer", () -> cmdb.create(new CiInput("dmd-" + UUID.randomUUID().toString()
        .substring(0, 8), "application", "production", null, "ops-engineers", "low", null, List.of()))).reference();
    Instant start = clock.instant().plus(Duration.ofDays(10));

    steps.complete(number, Element.DESIGN, "engineer", Map.of("plan", "Deploy the portal", "milestones", "Portal",
        "needsProductionChange", true, "changeItems", item, "changeStart", start.toString(), "changeEnd",
        start.plus(Duration.ofHours(2)).toString(), "changeBackoutPlan", "Remove the portal"));

    String change = demands.deliveryOf(number).getChangeNumber();
    assertThat(change).matches("CHG-\\d{6}");
    assertThat(jdbc.queryForMap("select source_record, requester, implementation_plan from change_request"
        + " where number = ?", change)).containsEntry("SOURCE_RECORD", number).containsEntry("REQUESTER", "engineer")
        .containsEntry("IMPLEMENTATION_PLAN", "Deploy the portal");
    assertThat(steps.tasks(number, Element.ALLOCATE)).hasSize(1);
    assertThat(steps.path(number)).isWaitingAt("implementDemand");
  }

  @Test
  void aChangeRequestTheChangeProcessRefusesRefusesTheDesign() {
    String number = scenario.approved("requester", "small", List.of());

    assertThatThrownBy(() -> steps.complete(number, Element.DESIGN, "engineer", Map.of("plan", "Deploy",
        "milestones", "Portal", "needsProductionChange", true, "changeItems", "nothing-here@production")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("configurationItems")
        .hasMessageContaining("plannedStart");
    assertThat(steps.tasks(number, Element.DESIGN)).hasSize(1);
  }

  private List<String> types(String number) {
    return jdbc.queryForList("select type from record_event where record_number = ? order by id", String.class, number);
  }
}
