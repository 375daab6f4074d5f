package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.itops.ReadAttempts;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read rule of incidents (docs/security.md, "Who may do what"): those who watch incident-lifecycle read all;
 * anybody else the incidents they reported and those assigned to one of their groups. {@code requester} tries every way
 * to see the incident of another requester.
 */
@SuiteTest
class ARequesterCannotReadAnotherRequestersIncident {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired IncidentScenario scenario;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  ReadAttempts attempts;
  String neighbour;
  String title;
  String number;

  @BeforeEach
  void anotherRequesterReportsAnIncident() throws Exception {
    SuiteClient client = new SuiteClient(port);
    attempts = new ReadAttempts(client, jdbc);
    neighbour = ReadAttempts.newUser(identityService, "neighbour", "requesters");
    title = "Payroll export fails " + UUID.randomUUID();
    var reported = client.postJson(neighbour, "/api/incidents", """
        {"title": "%s", "impact": "low", "urgency": "low", "category": "application"}""".formatted(title));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    number = new ObjectMapper().readTree(reported.body()).path("number").asText();
  }

  @AfterEach
  void deleteTheOtherRequester() {
    identityService.deleteUser(neighbour);
  }

  @Test
  void notTheDetail() {
    long before = attempts.timelineEntries(number);

    attempts.refused("requester", "/api/incidents/" + number, 404, title);

    assertThat(attempts.timelineEntries(number)).isEqualTo(before);
    assertThat(attempts.read(neighbour, "/api/incidents/" + number).path("title").asText()).isEqualTo(title);
  }

  @Test
  void notInTheList() {
    assertThat(attempts.listed("requester", "/api/incidents?size=100")).doesNotContain(number);
    assertThat(attempts.listed("requester", "/api/incidents?status=REGISTERED&size=100")).doesNotContain(number);
    assertThat(attempts.listed(neighbour, "/api/incidents")).containsExactly(number);
    assertThat(attempts.listed("desk", "/api/incidents?size=100")).contains(number);
  }

  @Test
  void notInTheAuditTrail() {
    attempts.noTrail("requester", number);

    attempts.trail(neighbour, number);
  }

  @Test
  void notInTheKpisOrMetrics() {
    assertThat(attempts.status("requester", "/api/kpis")).isEqualTo(403);
    assertThat(attempts.status("requester", "/api/kpis/report")).isEqualTo(403);
    assertThat(attempts.status("requester", "/actuator/prometheus")).isEqualTo(403);
    assertThat(attempts.status("requester", "/actuator/metrics/itops.incidents.open")).isEqualTo(403);
  }

  @Test
  void notThroughTheEngine() {
    attempts.engineShowsNothing("requester", number);
  }

  @Test
  void butTheGroupItIsAssignedToReadsIt() {
    Map<String, Object> triage = new HashMap<>();
    triage.put("priority", scenario.record(number).getPriority());
    triage.put("assignedGroup", "security-team");
    scenario.complete(number, IncidentProcess.Element.TRIAGE, "desk", triage);

    assertThat(attempts.read("secops", "/api/incidents/" + number).path("title").asText()).isEqualTo(title);
    assertThat(attempts.listed("secops", "/api/incidents?size=100")).contains(number);
    attempts.trail("secops", number);
    attempts.refused("requester", "/api/incidents/" + number, 404, title);
    attempts.refused("cab1", "/api/incidents/" + number, 404, title);
  }

  @Test
  void notAsAStaffMemberWhoNeitherWatchesIncidentsNorHasItsGroupAssigned() {
    for (String outsider : new String[] {"cab1", "changemgr", "secops"}) {
      attempts.refused(outsider, "/api/incidents/" + number, 404, title);
      assertThat(attempts.listed(outsider, "/api/incidents?size=100")).as(outsider).doesNotContain(number);
      attempts.noTrail(outsider, number);
    }
  }
}
