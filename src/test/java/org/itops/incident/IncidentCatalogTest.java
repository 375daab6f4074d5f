package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.itops.TestMail;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.alert.Alert;
import org.itops.alert.AlertService;
import org.itops.catalog.CatalogScenario;
import org.itops.cmdb.CiInput;
import org.itops.cmdb.CmdbMaintenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Incidents and the catalog and CMDB: the tier of the incident's service sets its SLA targets (DMN
 * service-level-targets), its configuration item gives the service, the suggested group and the affected services
 * that triage shows; alerts name the item through their labels.
 */
@SuiteTest
class IncidentCatalogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired CatalogScenario catalog;
  @Autowired CmdbMaintenance cmdb;
  @Autowired ProcessSteps steps;
  @Autowired IncidentRepository records;
  @Autowired TaskService taskService;
  @Autowired AlertService alerts;
  SuiteClient client;
  String prefix;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
    prefix = "i" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  @Test
  void anIncidentThatNamesAGoldServiceGetsTheGoldTargets() throws Exception {
    catalog.publish(prefix + "Trading", "gold");

    String number = report("{\"service\": \"%sTrading\", \"impact\": \"high\", \"urgency\": \"high\"}"
        .formatted(prefix));

    Incident incident = records.find(number).orElseThrow();
    assertThat(incident.getService()).isEqualTo(prefix + "Trading");
    assertThat(incident.getPriority()).isEqualTo("P1");
    assertThat(incident.getResolutionTarget()).isEqualTo("PT2H");
    assertThat(Duration.between(incident.getReportedAt(), incident.getResolutionDue())).isEqualTo(Duration.ofHours(2));
    assertThat(triageVariables(number)).containsEntry("serviceTier", "gold")
        .containsEntry("suggestedGroup", "ops-engineers").containsEntry("affectedServices", prefix + "Trading");
    JsonNode details = JSON.readTree(client.get("desk", "/api/incidents/" + number).body());
    assertThat(details.path("service").asText()).isEqualTo(prefix + "Trading");
  }

  @Test
  void anIncidentOnAConfigurationItemTakesItsServiceOwnerAndImpact() throws Exception {
    catalog.publish(prefix + "Archive", "bronze");
    catalog.publish(prefix + "Portal", "gold");
    create("nas", "storage", prefix + "Archive", "security-team");
    create("portal-app", "application", prefix + "Portal", "ops-engineers", prefix + "nas");

    String number = report("{\"configurationItem\": \"%snas\", \"impact\": \"medium\", \"urgency\": \"low\"}"
        .formatted(prefix));

    Incident incident = records.find(number).orElseThrow();
    assertThat(incident.getConfigurationItem()).isEqualTo(prefix + "nas@production");
    assertThat(incident.getService()).isEqualTo(prefix + "Archive");
    assertThat(incident.getPriority()).isEqualTo("P4");
    assertThat(incident.getResolutionTarget()).as("bronze P4").isEqualTo("P20D");
    assertThat(triageVariables(number)).containsEntry("serviceTier", "bronze")
        .containsEntry("suggestedGroup", "security-team")
        .containsEntry("affectedServices", prefix + "Archive, " + prefix + "Portal");
  }

  @Test
  void anIncidentWithoutAKnownServiceGetsTheStandardTargets() throws Exception {
    String number = report("{\"configurationItem\": \"%snot-in-the-cmdb\", \"impact\": \"high\", \"urgency\": \"high\"}"
        .formatted(prefix));

    Incident incident = records.find(number).orElseThrow();
    assertThat(incident.getConfigurationItem()).isEqualTo(prefix + "not-in-the-cmdb");
    assertThat(incident.getService()).isNull();
    assertThat(incident.getResolutionTarget()).isEqualTo("PT4H");
    assertThat(triageVariables(number)).containsEntry("serviceTier", null).containsEntry("suggestedGroup", null);
  }

  @Test
  void anIncidentMayOnlyNameAPublishedService() throws Exception {
    catalog.propose(prefix + "Draft", "gold");

    HttpResponse<String> draft = client.postJson("requester", "/api/incidents", body(
        "{\"service\": \"%sDraft\", \"impact\": \"low\", \"urgency\": \"low\"}".formatted(prefix)));
    HttpResponse<String> unknown = client.postJson("requester", "/api/incidents", body(
        "{\"service\": \"%sNothing\", \"impact\": \"low\", \"urgency\": \"low\"}".formatted(prefix)));

    assertThat(draft.statusCode()).isEqualTo(400);
    assertThat(draft.body()).contains("is not a published service of the catalog");
    assertThat(unknown.statusCode()).isEqualTo(400);
  }

  @Test
  void anAlertNamesTheConfigurationItemOfItsInstanceAndEnvironment() {
    catalog.publish(prefix + "Ledger", "gold");
    create("db-01", "database", prefix + "Ledger", "ops-engineers");
    steps.as("engineer", () -> cmdb.create(new CiInput(prefix + "db-01", "database", "staging", null,
        "ops-engineers", "low", null, List.of())));
    Map<String, String> labels = new HashMap<>(Map.of("alertname", "PostgresDown", "severity", "critical",
        "env", "prod", "instance", prefix + "db-01:9187"));

    AlertService.Outcome outcome = alerts.receive(new Alert("alertmanager", UUID.randomUUID().toString(), true, labels,
        "Primary down", null, Instant.now(), null, null));

    Incident incident = records.find(outcome.incident()).orElseThrow();
    assertThat(incident.getConfigurationItem()).isEqualTo(prefix + "db-01@production");
    assertThat(incident.getService()).isEqualTo(prefix + "Ledger");
    assertThat(incident.getResolutionTarget()).as("gold P2").isEqualTo("PT4H");
  }

  private void create(String name, String type, String service, String ownerGroup, String... dependsOn) {
    steps.as("engineer", () -> cmdb.create(new CiInput(prefix + name, type, "production", service, ownerGroup,
        "high", null, List.of(dependsOn))));
  }

  private String report(String fields) throws Exception {
    HttpResponse<String> created = client.postJson("requester", "/api/incidents", body(fields));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("number").asText();
  }

  /** The report's fields with a title and category added. */
  private static String body(String fields) {
    return fields.replaceFirst("^\\{", "{\"title\": \"Cannot work\", \"category\": \"application\", ");
  }

  private Map<String, Object> triageVariables(String number) {
    return taskService.getVariables(steps.task(number, IncidentProcess.Element.TRIAGE).getId());
  }
}
