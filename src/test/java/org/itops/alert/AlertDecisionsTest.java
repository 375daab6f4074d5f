package org.itops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The DMN tables of processes/alert, row by row, as deployed. */
@SuiteTest
class AlertDecisionsTest {

  @Autowired DecisionService decisions;
  @Autowired RepositoryService repositoryService;

  @ParameterizedTest(name = "{0} in {1} -> {2} ({3}/{4})")
  @CsvSource({
      "info,           prod, record,   low,    low",
      "information,    prod, record,   low,    low",
      "not classified, prod, record,   low,    low",
      "warning,        prod, notify,   low,    medium",
      "average,        prod, incident, medium, medium",
      "error,          prod, incident, medium, medium",
      "critical,       prod, incident, high,   medium",
      "high,           prod, incident, high,   medium",
      "disaster,       prod, major,    high,   high",
      "page,           prod, major,    high,   high",
      "critical,       dev,  record,   low,    low",
      "disaster,       test, record,   low,    low",
      "critical,       ,     incident, high,   medium",
      ",               prod, notify,   low,    medium"})
  void alertRouting(String severity, String environment, String level, String impact, String urgency) {
    Map<String, Object> labels = new HashMap<>();
    labels.put("severity", severity);
    labels.put("environment", environment);

    DmnDecisionResult result = decisions.evaluateDecisionByKey("alert-routing").variables(labels).evaluate();

    assertThat(result.getFirstResult().getEntryMap()).containsEntry("level", level).containsEntry("impact", impact)
        .containsEntry("urgency", urgency);
  }

  @ParameterizedTest(name = "{0} -> {1}, {2}, {3}")
  @CsvSource({"security, security, security-team,", "vpn, network, ops-engineers,", "postgres, database, ops-engineers,",
      "mail, application, ops-engineers,", "erp, application, ops-engineers, erp-production",
      "printer-farm, server, ops-engineers,", ", server, ops-engineers,"})
  void alertMapping(String service, String category, String group, String configurationItem) {
    Map<String, Object> labels = new HashMap<>();
    labels.put("service", service);
    labels.put("alertName", "Anything");

    DmnDecisionResult result = decisions.evaluateDecisionByKey("alert-mapping").variables(labels).evaluate();

    assertThat(result.getFirstResult().getEntryMap()).containsEntry("category", category).containsEntry("ownerGroup", group);
    // an empty cell gives no entry: the alert's instance label is used then
    assertThat(result.getFirstResult().getEntryMap().get("configurationItem")).isEqualTo(configurationItem);
  }

  @ParameterizedTest(name = "{0} -> handled as {1}")
  @CsvSource({"security, security-incident", "ids, security-incident", "edr, security-incident", "postgres,", ","})
  void securityToolingIsHandledAsASecurityIncident(String service, String handling) {
    Map<String, Object> labels = new HashMap<>();
    labels.put("service", service);
    labels.put("alertName", "Anything");

    DmnDecisionResult result = decisions.evaluateDecisionByKey("alert-mapping").variables(labels).evaluate();

    assertThat(result.getFirstResult().getEntryMap().get("handling")).isEqualTo(handling);
  }

  @Test
  void theLevelsOfTheTableAreTheLevelsTheProcessKnows() {
    var definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("alert-routing")
        .latestVersion().singleResult();
    var model = repositoryService.getDmnModelInstance(definition.getId());
    Set<String> levels = new java.util.TreeSet<>();
    for (OutputEntry entry : model.getModelElementsByType(OutputEntry.class)) {
      if (entry.getId().endsWith("Out0")) {
        levels.add(entry.getTextContent().replace("\"", ""));
      }
    }

    assertThat(levels).containsExactlyInAnyOrder(AlertProcess.Level.RECORD, AlertProcess.Level.NOTIFY,
        AlertProcess.Level.INCIDENT, AlertProcess.Level.MAJOR);
  }
}
