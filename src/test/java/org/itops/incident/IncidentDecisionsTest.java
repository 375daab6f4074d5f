package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The DMN tables of processes/incident, row by row, as deployed. */
@SuiteTest
class IncidentDecisionsTest {

  @Autowired DecisionService decisions;

  @ParameterizedTest(name = "impact {0}, urgency {1} -> {2}")
  @CsvSource({
      "high,   high,   P1",
      "high,   medium, P2",
      "medium, high,   P2",
      "high,   low,    P3",
      "medium, medium, P3",
      "low,    high,   P3",
      "medium, low,    P4",
      "low,    medium, P4",
      "low,    low,    P4"})
  void incidentPriority(String impact, String urgency, String priority) {
    DmnDecisionResult result = evaluate("incident-priority", Map.of("impact", impact, "urgency", urgency));

    assertThat(result).hasSize(1);
    assertThat((String) result.getSingleEntry()).isEqualTo(priority);
  }

  @ParameterizedTest(name = "{0} of a {1} service: respond within {2}, resolve within {3}")
  @CsvSource(nullValues = "none", value = {
      "P1, gold, PT15M, PT2H", "P2, gold, PT30M, PT4H", "P3, gold, PT2H, P1D", "P4, gold, PT4H, P3D",
      "P1, silver, PT15M, PT4H", "P2, silver, PT30M, PT8H", "P3, silver, PT4H, P3D", "P4, silver, P1D, P10D",
      "P1, bronze, PT30M, PT8H", "P2, bronze, PT1H, P1D", "P3, bronze, P1D, P5D", "P4, bronze, P2D, P20D",
      "P1, none, PT15M, PT4H", "P2, none, PT30M, PT8H", "P3, none, PT4H, P3D", "P4, none, P1D, P10D"})
  void serviceLevelTargets(String priority, String tier, String response, String resolution) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("priority", priority);
    input.put("serviceTier", tier);
    DmnDecisionResult result = evaluate("service-level-targets", input);

    assertThat(result.getFirstResult().getEntryMap())
        .containsEntry("responseTarget", response).containsEntry("resolutionTarget", resolution);
    // every target is a duration the SLA clock can use
    assertThat(SlaClock.duration(response)).isPositive();
    assertThat(SlaClock.duration(resolution)).isPositive();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"network, ops-engineers", "server, ops-engineers", "application, ops-engineers",
      "database, ops-engineers", "access, service-desk", "workplace, service-desk", "security, security-team"})
  void incidentAssignment(String category, String group) {
    DmnDecisionResult result = evaluate("incident-assignment", Map.of("category", category));

    assertThat((String) result.getSingleEntry()).isEqualTo(group);
  }

  @Test
  void anUnknownCategoryHasNoGroup() {
    assertThat(evaluate("incident-assignment", Map.of("category", "coffee"))).isEmpty();
  }

  private DmnDecisionResult evaluate(String decisionKey, Map<String, Object> variables) {
    return decisions.evaluateDecisionByKey(decisionKey).variables(variables).evaluate();
  }
}
