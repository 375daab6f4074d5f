package org.itops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nagios and Icinga notifications over real HTTP, as the suite's script (integrations/nagios/itops-notify) posts
 * them: one check is one alert, with Alertmanager's rules for repeats, recoveries and flapping.
 */
@SuiteTest
class NagiosNotificationTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  SuiteClient client;
  String host;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
    host = "web-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aProblemOpensOneIncidentRepeatsAreCountedAndTheRecoveryResolvesIt() throws Exception {
    JsonNode problem = notify("PROBLEM", "CRITICAL");
    JsonNode again = notify("PROBLEM", "CRITICAL");
    JsonNode recovery = notify("RECOVERY", "OK");

    assertThat(problem.path("result").asText()).isEqualTo("NEW");
    assertThat(problem.path("level").asText()).isEqualTo("incident");
    String incident = problem.path("incident").asText();
    assertThat(incident).matches("INC-\\d{6}");
    assertThat(again.path("result").asText()).isEqualTo("REPEATED");
    assertThat(again.path("incident").asText()).isEqualTo(incident);
    assertThat(recovery.path("result").asText()).isEqualTo("RESOLVED");
    assertThat(jdbc.queryForObject("select occurrences from alert where source = 'nagios' and identity = ?",
        Long.class, host + "!HTTP")).isEqualTo(2);
    assertThat(jdbc.queryForObject("select alert_resolved_at from incident where number = ?",
        java.sql.Timestamp.class, incident)).isNotNull();
  }

  @Test
  void aProblemWithinTheFlappingWindowReopensTheSameIncident() throws Exception {
    String incident = notify("PROBLEM", "CRITICAL").path("incident").asText();
    notify("RECOVERY", "OK");

    JsonNode refired = notify("PROBLEM", "WARNING");

    assertThat(refired.path("result").asText()).isEqualTo("REFIRED");
    assertThat(refired.path("incident").asText()).isEqualTo(incident);
  }

  @Test
  void aWarningNotifiesAndAHostDownIsAnIncidentOfItsOwn() throws Exception {
    assertThat(notify("PROBLEM", "WARNING").path("level").asText()).isEqualTo("notify");

    JsonNode down = post(Map.of("type", "PROBLEM", "host", host, "state", "DOWN", "output", "PING CRITICAL"));

    assertThat(down.path("identity").asText()).isEqualTo(host);
    assertThat(down.path("level").asText()).isEqualTo("incident");
  }

  @Test
  void acknowledgementsFlappingAndDowntimesGoToTheTimelineOfTheAlertAndItsIncident() throws Exception {
    String incident = notify("PROBLEM", "CRITICAL").path("incident").asText();

    JsonNode ack = post(form("ACKNOWLEDGEMENT", "CRITICAL", "author", "engineer", "comment", "On it: \"disk\" & co"));
    JsonNode flapping = notify("FLAPPINGSTART", "CRITICAL");
    JsonNode downtime = post(form("DOWNTIMESTART", "CRITICAL", "author", "engineer", "comment", "Maintenance"));

    assertThat(ack.path("result").asText()).isEqualTo("NOTED");
    assertThat(flapping.path("result").asText()).as("a flapping check fires still").isEqualTo("REPEATED");
    assertThat(downtime.path("result").asText()).isEqualTo("NOTED");
    assertThat(jdbc.queryForList("select detail from record_event where record_number = ? and type = 'NOTE'"
        + " order by id", String.class, incident)).containsExactly(
            "Acknowledged in nagios by engineer: On it: \"disk\" & co",
            "Flapping started in nagios (its state changes too often to notify each)",
            "Planned downtime started in nagios by engineer: Maintenance");
  }

  @Test
  void aNoteOnACheckTheSuiteNeverHeardOfKeepsNothing() throws Exception {
    long before = jdbc.queryForObject("select count(*) from alert", Long.class);

    JsonNode downtime = post(form("DOWNTIMESTART", "OK", "author", "engineer"));

    assertThat(downtime.path("result").asText()).isEqualTo("NOT_REPORTED");
    assertThat(jdbc.queryForObject("select count(*) from alert", Long.class)).isEqualTo(before);
  }

  @Test
  void nagiosAndIcingaKeepTheirAlertsApart() throws Exception {
    String fromNagios = notify("PROBLEM", "CRITICAL").path("alert").asText();

    JsonNode fromIcinga = post(form("PROBLEM", "CRITICAL", "monitor", "icinga"));

    assertThat(fromIcinga.path("result").asText()).isEqualTo("NEW");
    assertThat(fromIcinga.path("alert").asText()).isNotEqualTo(fromNagios);
  }

  @ParameterizedTest
  @ValueSource(strings = {"type=PROBLEM&state=CRITICAL", "type=BURNING&host=h&state=CRITICAL",
      "type=PROBLEM&host=h&state=RED", "type=PROBLEM&host=h&state=OK", "type=RECOVERY&host=h&state=CRITICAL",
      "type=PROBLEM&host=h&state=CRITICAL&monitor=zabbix", "type=PROBLEM&host=a!b&state=CRITICAL"})
  void badInputGets400WithTheReasonAndCreatesNothing(String body) throws Exception {
    long before = jdbc.queryForObject("select count(*) from alert", Long.class);

    HttpResponse<String> refused = send("Bearer dev-monitoring-token", body);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("message").asText()).isNotBlank();
    assertThat(jdbc.queryForObject("select count(*) from alert", Long.class)).isEqualTo(before);
  }

  @Test
  void onlyMonitoringSystemsPostNotifications() {
    String body = "type=PROBLEM&host=" + host + "&service=HTTP&state=CRITICAL";

    assertThat(send("Bearer wrong", body).statusCode()).isEqualTo(401);
    assertThat(send(SuiteClient.basic("requester", "requester"), body).statusCode()).isEqualTo(403);
    assertThat(send(SuiteClient.basic("engineer", "engineer"), body).statusCode()).isEqualTo(403);
  }

  private JsonNode notify(String type, String state) throws Exception {
    return post(form(type, state));
  }

  /** A service notification of the check "HTTP" on the test's host, in production, with more fields. */
  private Map<String, String> form(String type, String state, String... more) {
    Map<String, String> form = new LinkedHashMap<>(Map.of("type", type, "host", host, "service", "HTTP",
        "state", state, "output", "HTTP CRITICAL - 503 Service Unavailable", "env", "production"));
    for (int i = 0; i < more.length; i += 2) {
      form.put(more[i], more[i + 1]);
    }
    return form;
  }

  private JsonNode post(Map<String, String> form) throws Exception {
    HttpResponse<String> response = send("Bearer dev-monitoring-token", form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(String authorization, String body) {
    return client.send(client.request(null, "/api/alerts/nagios").header("Authorization", authorization)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
