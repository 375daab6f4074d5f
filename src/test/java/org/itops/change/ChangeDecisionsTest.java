package org.itops.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.itops.SuiteTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** DMN change-classification, row by row (the first matching row wins), as deployed. */
@SuiteTest
class ChangeDecisionsTest {

  @Autowired DecisionService decisions;

  @ParameterizedTest(name = "{0}, {1} item, {2} impact, backout {3}, tests {4} -> {5}, {6} risk, quorum {7}")
  @CsvSource({
      // emergencyOnCriticalItems, emergencyOtherwise
      "emergency, critical, low,    true,  true,  emergency, high,   0",
      "emergency, high,     low,    true,  false, emergency, high,   0",
      "emergency, medium,   high,   true,  true,  emergency, medium, 0",
      // standardChange, and standard requests that are not one
      "standard,  low,      low,    true,  true,  standard,  low,    0",
      "standard,  medium,   low,    true,  true,  standard,  low,    0",
      "standard,  high,     low,    true,  true,  normal,    medium, 2",
      "standard,  low,      medium, true,  true,  normal,    medium, 2",
      "standard,  low,      low,    false, true,  normal,    low,    2",
      "standard,  low,      low,    true,  false, normal,    high,   3",
      // normalOnCriticalItem, normalHighImpact, normalUntested, normalOnHighItem, normalMediumImpact, normalOtherwise
      "normal,    critical, low,    true,  true,  normal,    high,   3",
      "normal,    low,      high,   true,  true,  normal,    high,   3",
      "normal,    low,      low,    true,  false, normal,    high,   3",
      "normal,    high,     low,    true,  true,  normal,    medium, 2",
      "normal,    low,      medium, true,  true,  normal,    medium, 2",
      "normal,    medium,   low,    true,  true,  normal,    low,    2"})
  void changeClassification(String type, String criticality, String impact, boolean backout, boolean tests,
      String classification, String risk, int quorum) {
    Map<String, Object> input = new HashMap<>();
    input.put("changeType", type);
    input.put("ciCriticality", criticality);
    input.put("impact", impact);
    input.put("hasBackoutPlan", backout);
    input.put("hasTestEvidence", tests);

    Map<String, Object> result = decisions.evaluateDecisionByKey("change-classification").variables(input).evaluate()
        .getFirstResult().getEntryMap();

    assertThat(result).containsEntry("classification", classification).containsEntry("risk", risk);
    assertThat(((Number) result.get("cabQuorum")).intValue()).isEqualTo(quorum);
  }
}
