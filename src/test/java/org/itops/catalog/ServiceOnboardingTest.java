package org.itops.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.TestMail;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.platform.InvalidRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of service-onboarding, with the records checked in the database and the API over real HTTP. */
@SuiteTest
class ServiceOnboardingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired CatalogScenario scenario;
  @Autowired ProcessSteps steps;
  @Autowired ServiceCatalog catalog;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void anAgreedAndApprovedServiceIsPublishedAndItsOwnerAndSupportGroupAreTold() throws Exception {
    String number = scenario.propose(unique("Payroll"), "silver");
    assertThat(catalog.view(number).status()).isEqualTo(CatalogEntry.Status.DRAFT);
    assertThat(steps.task(number, "agreeSlaTargets").getAssignee()).isEqualTo("owner");

    steps.complete(number, "agreeSlaTargets", "owner", Map.of("slaDecision", "agreed", "tier", "gold",
        "availabilityTarget", 99.95));
    scenario.approve(number);
    steps.runAsyncJobs(number);

    CatalogEntry published = catalog.view(number);
    assertThat(published.status()).isEqualTo(CatalogEntry.Status.PUBLISHED);
    assertThat(published.tier()).isEqualTo("gold");
    assertThat(published.availabilityTarget()).isEqualByComparingTo("99.95");
    assertThat(published.slaVersion()).isEqualTo(1);
    assertThat(published.publishedAt()).isNotNull();
    assertThat(types(number)).containsExactly("PROPOSED", "SLA_AGREED", "PUBLISHED");
    assertThat(recipients(number + "]")).contains("owner@itops.localhost", "engineer@itops.localhost");
    // the instance stays with the service: it waits for the yearly review or an SLA change
    assertThat(steps.path(number)).isNotEnded()
        .hasPassed("registerService", "recordOwnerAnswer", "publishService", "notifyServicePublished")
        .hasNotPassed("recordApprovalRefusal");
  }

  @Test
  void aRefusalGoesBackToTheOwnerWithTheCommentsAndNeedsAComment() {
    String number = scenario.propose(unique("Printing"), "bronze");
    scenario.agree(number);

    assertThatThrownBy(() -> steps.complete(number, "approveAsItManager", "manager",
        Map.of("managerApproval", "reject"))).hasRootCauseInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("managerComment");
    steps.complete(number, "approveAsServiceOwners", "owner", Map.of("ownersApproval", "approve"));
    steps.complete(number, "approveAsItManager", "manager", Map.of("managerApproval", "reject",
        "managerComment", "Bronze is too little for printing at month end"));

    assertThat(catalog.view(number).status()).isEqualTo(CatalogEntry.Status.DRAFT);
    assertThat(steps.tasks(number, "approveAsServiceOwners")).isEmpty();
    assertThat(steps.task(number, "agreeSlaTargets").getAssignee()).isEqualTo("owner");
    assertThat(variable(number, "approvalComments")).isEqualTo("IT managers: Bronze is too little for printing at month end");

    steps.complete(number, "agreeSlaTargets", "owner", Map.of("slaDecision", "agreed", "tier", "silver"));
    scenario.approve(number);
    steps.runAsyncJobs(number);

    assertThat(catalog.view(number).tier()).isEqualTo("silver");
    assertThat(types(number)).containsExactly("PROPOSED", "SLA_AGREED", "APPROVAL_REFUSED", "SLA_AGREED", "PUBLISHED");
    assertThat(steps.path(number)).hasPassed("recordApprovalRefusal", "publishService");
  }

  @Test
  void anOwnerWhoDeclinesANewServiceWithdrawsIt() {
    String number = scenario.propose(unique("Fax"), "bronze");

    steps.complete(number, "agreeSlaTargets", "owner", Map.of("slaDecision", "declined", "slaNotes", "Nobody faxes"));

    assertThat(catalog.view(number).status()).isEqualTo(CatalogEntry.Status.WITHDRAWN);
    assertThat(steps.path(number)).isEnded().hasPassed("serviceWithdrawn").hasNotPassed("publishService");
    assertThat(catalog.isInCatalog(catalog.view(number).name())).isFalse();
  }

  @Test
  void anAgreementWithAnInvalidSlaIsRefusedAndChangesNothing() {
    String number = scenario.propose(unique("Wiki"), "silver");

    assertThatThrownBy(() -> steps.complete(number, "agreeSlaTargets", "owner",
        Map.of("slaDecision", "agreed", "tier", "platinum", "availabilityTarget", 120)))
        .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("tier")
        .hasMessageContaining("availabilityTarget");

    assertThat(steps.tasks(number, "agreeSlaTargets")).hasSize(1);
    assertThat(types(number)).containsExactly("PROPOSED");
  }

  @Test
  void theYearlyReviewKeepsTheServiceThenChangesItsSlaThenRetiresIt() throws Exception {
    String number = scenario.publish(unique("Intranet"), "silver");

    steps.fire(number, "yearlyReviewDue");
    steps.runAsyncJobs(number);
    assertThat(recipients("Yearly review of")).contains("owner@itops.localhost");
    steps.complete(number, "reviewService", "owner", Map.of("reviewOutcome", "keep", "reviewNotes", "Fine"));
    assertThat(catalog.view(number).lastReviewedAt()).isNotNull();

    steps.fire(number, "yearlyReviewDue");
    steps.runAsyncJobs(number);
    steps.complete(number, "reviewService", "owner", Map.of("reviewOutcome", "change",
        "reviewNotes", "Used at night now"));
    assertThat(variable(number, "tier")).isEqualTo("silver");
    steps.complete(number, "agreeSlaTargets", "owner", Map.of("slaDecision", "agreed", "tier", "gold",
        "hours", "24x7"));
    assertThat(catalog.view(number).tier()).as("in force until approved").isEqualTo("silver");
    scenario.approve(number);
    steps.runAsyncJobs(number);
    assertThat(catalog.view(number).tier()).isEqualTo("gold");
    assertThat(catalog.view(number).slaVersion()).isEqualTo(2);

    steps.fire(number, "yearlyReviewDue");
    steps.runAsyncJobs(number);
    steps.complete(number, "reviewService", "owner", Map.of("reviewOutcome", "retire", "reviewNotes", "Replaced"));

    assertThat(catalog.view(number).status()).isEqualTo(CatalogEntry.Status.RETIRED);
    assertThat(steps.path(number)).isEnded().hasPassed("notifyReviewDue", "recordReview", "serviceRetired");
    assertThat(types(number)).containsSubsequence("REVIEWED", "REVIEWED", "PUBLISHED", "RETIRED");
  }

  @Test
  void anSlaChangeAskedThroughTheApiGoesThroughAgreementAndApproval() throws Exception {
    String number = scenario.publish(unique("Mail"), "silver");
    String change = """
        {"tier": "gold", "hours": "24x7", "availabilityTarget": 99.99, "reason": "Sales depend on it"}""";

    assertThat(client.postJson("requester", "/api/services/" + number + "/sla-change", change).statusCode())
        .isEqualTo(403);
    assertThat(client.postJson("owner", "/api/services/" + number + "/sla-change", "{\"tier\": \"gold\"}")
        .body()).contains("hours").contains("availabilityTarget").contains("reason");
    assertThat(client.postJson("owner", "/api/services/" + number + "/sla-change", change).statusCode())
        .isEqualTo(202);
    assertThat(client.postJson("owner", "/api/services/" + number + "/sla-change", change).statusCode())
        .as("a change under way takes no second one").isEqualTo(400);

    assertThat(variable(number, "tier")).isEqualTo("gold");
    steps.complete(number, "agreeSlaTargets", "owner", Map.of("slaDecision", "agreed"));
    scenario.approve(number);
    steps.runAsyncJobs(number);

    JsonNode service = JSON.readTree(client.get("requester", "/api/services/" + number).body());
    assertThat(service.path("tier").asText()).isEqualTo("gold");
    assertThat(service.path("availabilityTarget").decimalValue()).isEqualByComparingTo("99.99");
    assertThat(service.path("slaVersion").asInt()).isEqualTo(2);
    assertThat(service.path("timeline").findValuesAsText("type")).contains("SLA_CHANGE_REQUESTED");
  }

  @Test
  void aDeclinedSlaChangeKeepsTheSlaInForce() {
    String number = scenario.publish(unique("Backup"), "silver");
    steps.as("manager", () -> {
      catalog.requestSlaChange(number, new ServiceLevel("bronze", "business-hours", new BigDecimal("95")), "Cheaper");
      return null;
    });

    steps.complete(number, "agreeSlaTargets", "owner", Map.of("slaDecision", "declined"));

    CatalogEntry service = catalog.view(number);
    assertThat(service.status()).isEqualTo(CatalogEntry.Status.PUBLISHED);
    assertThat(service.tier()).isEqualTo("silver");
    assertThat(variable(number, "tier")).as("the form shows the SLA in force again").isEqualTo("silver");
    assertThat(types(number)).endsWith("SLA_CHANGE_REQUESTED", "SLA_CHANGE_DECLINED");
    // waiting again: another change may come
    steps.as("manager", () -> {
      catalog.requestSlaChange(number, new ServiceLevel("gold", "24x7", new BigDecimal("99.9")), "Critical now");
      return null;
    });
    assertThat(steps.tasks(number, "agreeSlaTargets")).hasSize(1);
  }

  @Test
  void aProposalThroughTheApiIsValidatedAndCreatesNothingWhenWrong() throws Exception {
    String name = unique("Timesheets");
    long before = jdbc.queryForObject("select count(*) from catalog_service", Long.class);

    HttpResponse<String> bad = client.postJson("owner", "/api/services", """
        {"name": " ", "owner": "nobody", "supportGroup": "coffee", "tier": "platinum", "hours": "always",
         "availabilityTarget": 100.5}""");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("errors").findValuesAsText("field"))
        .contains("name", "supportGroup", "tier", "hours", "availabilityTarget");
    assertThat(client.postJson("owner", "/api/services", """
        {"name": "%s", "owner": "nobody", "supportGroup": "ops-engineers", "tier": "gold", "hours": "24x7",
         "availabilityTarget": 99.9}""".formatted(name)).body()).contains("owner").contains("not a user");
    String valid = """
        {"name": "%s", "owner": "owner", "supportGroup": "ops-engineers", "tier": "gold", "hours": "24x7",
         "availabilityTarget": 99.9}""".formatted(name);
    assertThat(client.postJson("requester", "/api/services", valid).statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from catalog_service", Long.class)).isEqualTo(before);

    HttpResponse<String> created = client.postJson("manager", "/api/services", valid);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(created.body()).path("number").asText()).matches("SRV-\\d{6}");
    assertThat(client.postJson("manager", "/api/services", valid).body()).as("names are unique")
        .contains("already has a service");
    assertThat(client.get("requester", "/api/services?status=DRAFT").body()).contains(name);
    assertThat(client.get("requester", "/api/services?status=LIVE").statusCode()).isEqualTo(400);
  }

  private List<String> types(String number) {
    return jdbc.queryForList("select type from record_event where record_number = ? order by id", String.class, number);
  }

  private Object variable(String number, String name) {
    return runtimeService.getVariable(steps.instance(number).getId(), name);
  }

  private static List<String> recipients(String subjectPart) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> TestMail.subject(m).contains(subjectPart))
        .flatMap(m -> Arrays.stream(recipientsOf(m))).toList();
  }

  private static String[] recipientsOf(MimeMessage message) {
    try {
      return Arrays.stream(message.getAllRecipients()).map(address -> ((jakarta.mail.internet.InternetAddress) address).getAddress()).toArray(String[]::new);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unique(String name) {
    return name + " " + UUID.randomUUID().toString().substring(0, 8);
  }
}
