package org.itops.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.itops.SuiteTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** DMN demand-approval-routing, row by row (the first matching row wins), as deployed. */
@SuiteTest
class DemandDecisionsTest {

  @Autowired DecisionService decisions;

  @ParameterizedTest(name = "change {0}, cost {1}, risk {2}, {3} services -> {4}")
  @CsvSource({
      // smallLowChange, modestChange, and changes that route like demands
      "true,  small,      low,    0, none",
      "true,  small,      medium, 0, service-owner",
      "true,  medium,     low,    0, service-owner",
      "true,  large,      low,    0, parallel",
      "true,  small,      high,   0, sequential",
      // veryLarge, highRisk, large, manyServices, medium, otherwise
      "false, very-large, low,    0, sequential",
      "false, small,      high,   0, sequential",
      "false, large,      medium, 0, parallel",
      "false, small,      low,    3, parallel",
      "false, medium,     low,    2, it-manager",
      "false, small,      medium, 1, service-owner"})
  void demandApprovalRouting(boolean change, String costBand, String risk, int services, String route) {
    Map<String, Object> input = new HashMap<>();
    input.put("isChange", change);
    input.put("costBand", costBand);
    input.put("risk", risk);
    input.put("affectedServiceCount", services);

    assertThat((String) decisions.evaluateDecisionByKey("demand-approval-routing").variables(input).evaluate()
        .getFirstResult().getSingleEntry()).isEqualTo(route);
  }
}
