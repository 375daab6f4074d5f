package org.itops.securityops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.itops.ReadAttempts;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read rule of security incidents (docs/security.md, "Who may do what"): the security team and administrators read
 * them; their reporter reads the receipt of their own report; for everybody else they do not exist. Everyone outside
 * the team tries the ways besides the incident's own endpoints (SecurityIncidentApiTest): the audit trail, the alert
 * that opened one, the metrics.
 */
@SuiteTest
class AnOutsiderCannotReadASecurityIncident {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Everybody but the security team and administrators; {@code desk} reports the incident. */
  private static final List<String> OUTSIDERS = List.of("desk", "engineer", "changemgr", "cab1", "owner", "manager",
      "modeler", "requester");

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  SuiteClient client;
  ReadAttempts attempts;
  String summary;
  String number;

  @BeforeEach
  void theServiceDeskReportsASecurityIncident() throws Exception {
    client = new SuiteClient(port);
    attempts = new ReadAttempts(client, jdbc);
    summary = "Customer list on a public share " + UUID.randomUUID();
    var reported = client.postJson("desk", "/api/security-incidents", """
        {"summary": "%s", "description": "Found by a customer", "severity": "high"}""".formatted(summary));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    number = JSON.readTree(reported.body()).path("number").asText();
  }

  @Test
  void notTheIncidentNorItsTrailNotEvenItsReporter() {
    long before = attempts.timelineEntries(number);

    for (String outsider : OUTSIDERS) {
      if (!outsider.equals("desk")) {
        attempts.refused(outsider, "/api/security-incidents/" + number, 404, summary);
        assertThat(attempts.listed(outsider, "/api/security-incidents")).as(outsider).doesNotContain(number);
      }
      attempts.noTrail(outsider, number);
    }

    JsonNode receipt = attempts.read("desk", "/api/security-incidents/" + number);
    assertThat(receipt.has("description")).isFalse();
    assertThat(receipt.has("timeline")).isFalse();
    assertThat(attempts.timelineEntries(number)).isEqualTo(before);
  }

  @Test
  void administratorsReadIt() {
    String admin = ReadAttempts.newUser(identityService, "admin", "camunda-admin");
    try {
      assertThat(attempts.read(admin, "/api/security-incidents/" + number).path("incident").path("summary").asText())
          .isEqualTo(summary);
      attempts.trail(admin, number);
    } finally {
      identityService.deleteUser(admin);
    }
  }

  @Test
  void notInTheAlertThatOpenedOne() throws Exception {
    String fingerprint = "ids-" + UUID.randomUUID();
    var posted = client.send(client.request(null, "/api/alerts/alertmanager")
        .header("Authorization", "Bearer dev-monitoring-token").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"receiver":"itops","status":"firing","version":"4","alerts":[{"status":"firing",
             "labels":{"alertname":"SuspiciousLogins","env":"prod","service":"ids","instance":"vpn-gw-01",
             "severity":"critical"},"annotations":{"summary":"500 failed logins"},
             "startsAt":"2026-11-27T08:00:00.000Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"%s"}]}"""
            .formatted(fingerprint))));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(posted.body()).path("alerts").get(0);
    String alert = answer.path("alert").asText();
    String opened = jdbc.queryForObject("select number from security_incident where description like ?",
        String.class, "Alert " + alert + " %");

    assertThat(posted.body()).doesNotContain(opened);
    for (String reader : List.of("desk", "engineer", "manager")) {
      assertThat(client.get(reader, "/api/alerts/" + alert).body()).as(reader).contains(alert).doesNotContain(opened);
      assertThat(client.get(reader, "/api/records/" + alert + "/audit").body()).as(reader)
          .contains("Handed to the security team").doesNotContain(opened);
    }
    attempts.refused("engineer", "/api/security-incidents/" + opened, 404, "SuspiciousLogins");
  }

  @Test
  void notInTheMetrics() {
    attempts.status("secops", "/api/security-incidents/" + number);
    attempts.status("desk", "/api/security-incidents/" + number);

    assertThat(client.get("manager", "/actuator/prometheus").body()).doesNotContain(number).doesNotContain(summary);
    assertThat(attempts.status("requester", "/actuator/prometheus")).isEqualTo(403);
  }
}
