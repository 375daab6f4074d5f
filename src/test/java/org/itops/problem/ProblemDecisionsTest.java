package org.itops.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** DMN problem-detection and problem-detection-window, row by row (the first matching row wins), as deployed. */
@SuiteTest
class ProblemDecisionsTest {

  @Autowired DecisionService decisions;

  @ParameterizedTest(name = "open problem {0}, {1} incidents -> {2}")
  @CsvSource({
      // linkToOpenProblem
      "true,  1, link",
      "true,  7, link",
      // openOnRecurrence
      "false, 3, open",
      "false, 4, open",
      // notRecurring
      "false, 2, nothing",
      "false, 1, nothing"})
  void problemDetection(boolean openProblem, int incidents, String action) {
    Map<String, Object> input = new HashMap<>();
    input.put("openProblem", openProblem);
    input.put("incidentCount", incidents);

    Map<String, Object> result = decisions.evaluateDecisionByKey("problem-detection").variables(input).evaluate()
        .getFirstResult().getEntryMap();

    assertThat(result).containsEntry("action", action);
  }

  @Test
  void everyCategoryCountsTheIncidentsOfTheLastSevenDays() {
    for (String category : new String[] {"server", "network", "a category of tomorrow"}) {
      Object days = decisions.evaluateDecisionByKey("problem-detection-window").variables(Map.of("category", category))
          .evaluate().getSingleResult().getSingleEntry();

      assertThat(((Number) days).intValue()).as(category).isEqualTo(7);
    }
  }
}
