package org.itops.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.itops.ProcessSteps;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.catalog.CatalogScenario;
import org.itops.demand.DemandProcess.Element;
import org.itops.incident.IncidentReport;
import org.itops.incident.IncidentService;
import org.itops.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of delivery-acceptance: rework to the implementation, sign-off, warranty with its incidents, lessons. */
@SuiteTest
class DeliveryAcceptanceTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired DemandScenario scenario;
  @Autowired DemandService demands;
  @Autowired ProcessSteps steps;
  @Autowired CatalogScenario catalog;
  @Autowired IncidentService incidents;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void failedAcceptanceItemsGoBackToTheImplementationAndTheNextRoundSignsOff() {
    String number = scenario.approved("requester", "small", List.of());
    scenario.design(number, "Portal");
    scenario.allocate(number, 1000);
    scenario.implement(number);
    scenario.qualityControl(number, true);
    scenario.preparePackage(number);
    assertThat(scenario.record(number).getStatus()).isEqualTo(Demand.Status.ACCEPTANCE);

    assertThatThrownBy(() -> scenario.acceptanceTest(number, "engineer", true)).as("the requester tests")
        .isInstanceOf(AuthorizationException.class);
    scenario.acceptanceTest(number, "requester", false);
    assertThat(scenario.record(number).getStatus()).isEqualTo(Demand.Status.IMPLEMENTATION);
    assertThat(steps.taskService().getVariable(steps.task(number, Element.IMPLEMENT_MILESTONE).getId(), "findings"))
        .isEqualTo("Reset mail never arrives");
    scenario.implement(number);
    scenario.qualityControl(number, true);
    scenario.preparePackage(number);
    scenario.acceptanceTest(number, "requester", true);

    Delivery delivery = demands.deliveryOf(number);
    assertThat(delivery.getAcceptanceRounds()).isEqualTo(2);
    assertThat(delivery.getSignedOffBy()).isEqualTo("requester");
    assertThat(scenario.record(number).getStatus()).isEqualTo(Demand.Status.WARRANTY);
  }

  @Test
  void theWarrantyLinksTheIncidentsOnTheDeliveredServiceAndTheRetrospectiveKeepsItsLessons() {
    String service = "Reset portal " + UUID.randomUUID().toString().substring(0, 8);
    catalog.publish(service, "silver");
    String number = scenario.approved("requester", "small", List.of(service));
    scenario.deliver(number, "requester");
    String incident = steps.as("requester", () -> incidents.report(new IncidentReport("Reset mail slow", null, "low",
        "low", "application", null, service, null, null), "test"));
    String elsewhere = steps.as("requester", () -> incidents.report(new IncidentReport("Printer jam", null, "low",
        "low", "workplace", null, null, null, null), "test"));

    scenario.endWarrantyAndReview(number);

    Delivery delivery = demands.deliveryOf(number);
    assertThat(delivery.getWarrantyIncidents()).contains(incident).doesNotContain(elsewhere);
    assertThat(delivery.getLessons()).isEqualTo("Book the test users in week one");
    assertThat(jdbc.queryForObject("select title from improvement where source = ?", String.class, number))
        .as("the retrospective's improvement").isEqualTo("Test users ready before the design");
    assertThat(jdbc.queryForObject("select respondent from survey where record_number = ?", String.class, number))
        .as("the requester's satisfaction survey").isEqualTo("requester");
    assertThat(scenario.record(number).getStatus()).isEqualTo(Demand.Status.FEEDBACK);
    assertThat(steps.task(number, Element.FEEDBACK).getAssignee()).isEqualTo("requester");

    assertThatThrownBy(() -> steps.complete(number, Element.FEEDBACK, "requester", Map.of("rating", 7)))
        .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("rating");
    steps.complete(number, Element.FEEDBACK, "requester", Map.of("rating", 4, "feedbackComment", "Good, a bit late"));

    Demand demand = scenario.record(number);
    assertThat(demand.getStatus()).isEqualTo(Demand.Status.DELIVERED);
    assertThat(demand.getFeedbackRating()).isEqualTo(4);
    assertThat(demand.getClosedAt()).isNotNull();
    assertThat(steps.instances(number)).isEmpty();
    assertThat(steps.path(number)).isEnded().hasPassed("askFeedback", "closeDelivered", "demandClosed");
  }

  @Test
  void withoutFeedbackInFourteenDaysTheDemandClosesAsDelivered() {
    String number = scenario.approved("requester", "small", List.of());
    scenario.deliver(number, "requester");
    scenario.endWarrantyAndReview(number);

    steps.fire(number, "noFeedback");

    assertThat(scenario.record(number).getStatus()).isEqualTo(Demand.Status.DELIVERED);
    assertThat(scenario.record(number).getFeedbackRating()).isNull();
  }
}
