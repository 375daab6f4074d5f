package org.itops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpRequest;
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
 * The read rule of alerts (docs/security.md, "Who may do what"): the staff and monitoring systems read them; for a
 * requester an alert does not exist.
 */
@SuiteTest
class ARequesterCannotReadAlerts {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  SuiteClient client;
  ReadAttempts attempts;
  String number;

  @BeforeEach
  void monitoringReportsAnAlert() throws Exception {
    client = new SuiteClient(port);
    attempts = new ReadAttempts(client, jdbc);
    var posted = client.send(client.request(null, "/api/alerts/alertmanager")
        .header("Authorization", "Bearer dev-monitoring-token").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(AlertApiTest.webhook("firing",
            AlertApiTest.alert("firing", AlertHandlingTest.newFingerprint(), "warning")))));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    number = new ObjectMapper().readTree(posted.body()).path("alerts").get(0).path("alert").asText();
  }

  @Test
  void notTheAlert() {
    long before = attempts.timelineEntries(number);

    attempts.refused("requester", "/api/alerts/" + number, 404, "PostgresReplicationLag");

    assertThat(attempts.timelineEntries(number)).isEqualTo(before);
    assertThat(attempts.read("cab1", "/api/alerts/" + number).path("alertName").asText())
        .isEqualTo("PostgresReplicationLag");
    assertThat(client.send(client.request(null, "/api/alerts/" + number)
        .header("Authorization", "Bearer dev-monitoring-token").GET()).statusCode()).isEqualTo(200);
  }

  @Test
  void notInTheAuditTrail() {
    attempts.noTrail("requester", number);
    attempts.trail("engineer", number);
  }

  @Test
  void notThroughTheEngine() {
    attempts.engineShowsNothing("requester", number);
  }
}
