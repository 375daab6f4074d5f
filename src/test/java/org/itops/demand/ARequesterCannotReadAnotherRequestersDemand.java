package org.itops.demand;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.itops.ProcessSteps;
import org.itops.ReadAttempts;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.catalog.CatalogScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read rule of demands, with their specifications and delivery (docs/security.md, "Who may do what"): the staff
 * read all; anybody else the demands they requested. {@code requester} tries every way to see the demand of another
 * requester.
 */
@SuiteTest
class ARequesterCannotReadAnotherRequestersDemand {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired DemandScenario scenario;
  @Autowired CatalogScenario catalog;
  @Autowired ProcessSteps steps;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  ReadAttempts attempts;
  String neighbour;
  String title;
  String number;

  @BeforeEach
  void anotherRequesterSubmitsADemand() {
    attempts = new ReadAttempts(new SuiteClient(port), jdbc);
    neighbour = ReadAttempts.newUser(identityService, "neighbour", "requesters");
    String service = "Travel booking " + UUID.randomUUID();
    catalog.publish(service, "silver");
    DemandRequest request = scenario.request("small", List.of(service));
    title = "Book trains " + UUID.randomUUID();
    number = scenario.submit(neighbour, new DemandRequest(title, request.businessNeed(), request.expectedBenefit(),
        request.requestedDate(), request.costBand(), request.affectedServices()));
  }

  @AfterEach
  void deleteTheOtherRequester() {
    identityService.deleteUser(neighbour);
  }

  @Test
  void notTheDetail() {
    long before = attempts.timelineEntries(number);

    attempts.refused("requester", "/api/demands/" + number, 404, title);

    assertThat(attempts.timelineEntries(number)).isEqualTo(before);
    assertThat(attempts.read(neighbour, "/api/demands/" + number).path("demand").path("title").asText())
        .isEqualTo(title);
  }

  @Test
  void notInTheList() {
    assertThat(attempts.listed("requester", "/api/demands?size=100")).doesNotContain(number);
    assertThat(attempts.listed(neighbour, "/api/demands")).containsExactly(number);
    assertThat(attempts.listed("engineer", "/api/demands?size=100")).contains(number);
  }

  @Test
  void notInTheAuditTrail() {
    attempts.noTrail("requester", number);

    attempts.trail(neighbour, number);
  }

  @Test
  void notThroughTheEngine() {
    attempts.engineShowsNothing("requester", number);
  }

  @Test
  void notByAskingToChangeIt() {
    assertThat(attempts.status("requester", "/api/demands/" + number)).isEqualTo(404);
    var asked = new SuiteClient(port).postJson("requester", "/api/demands/" + number + "/changes",
        "{\"description\": \"Also buses\"}");

    assertThat(asked.statusCode()).isIn(403, 404);
    assertThat(asked.body()).doesNotContain(title);
  }
}
