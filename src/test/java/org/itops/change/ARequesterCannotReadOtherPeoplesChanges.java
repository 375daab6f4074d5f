package org.itops.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.itops.ProcessSteps;
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
 * The read rule of changes and freeze periods (docs/security.md, "Who may do what"): the staff read all; anybody else
 * the changes they requested and no freeze period. {@code requester} tries every way to see a change an engineer
 * requested.
 */
@SuiteTest
class ARequesterCannotReadOtherPeoplesChanges {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired ChangeScenario scenario;
  @Autowired ProcessSteps steps;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  SuiteClient client;
  ReadAttempts attempts;
  String summary;
  String freeze;
  String number;
  String window;

  @BeforeEach
  void anEngineerRequestsAChangeAndAFreezeIsDeclared() throws Exception {
    client = new SuiteClient(port);
    attempts = new ReadAttempts(client, jdbc);
    Instant start = clock.instant().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.HOURS);
    summary = "Rotate the payroll database keys " + UUID.randomUUID();
    String body = """
        {"summary": "%s", "reason": "Key expiry", "type": "standard", "impact": "low", "configurationItems": ["%s"],
         "implementationPlan": "Rotate, restart", "backoutPlan": "Restore the old keys", "testEvidence": "Staging",
         "plannedStart": "%s", "plannedEnd": "%s"}""".formatted(summary, scenario.item("low"), start,
        start.plus(Duration.ofHours(2)));
    var requested = client.postJson("engineer", "/api/changes", body);
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
    number = JSON.readTree(requested.body()).path("number").asText();
    steps.runAsyncJobs(number);
    freeze = "Quarter close " + UUID.randomUUID();
    assertThat(client.postJson("changemgr", "/api/changes/freezes", """
        {"name": "%s", "startsAt": "%s", "endsAt": "%s"}""".formatted(freeze, start.plus(Duration.ofDays(1)),
        start.plus(Duration.ofDays(2)))).statusCode()).isEqualTo(201);
    window = "?from=" + encode(start.minus(Duration.ofHours(1))) + "&to=" + encode(start.plus(Duration.ofDays(3)));
  }

  @Test
  void notTheDetail() {
    long before = attempts.timelineEntries(number);

    attempts.refused("requester", "/api/changes/" + number, 404, summary);

    assertThat(attempts.timelineEntries(number)).isEqualTo(before);
    assertThat(attempts.read("engineer", "/api/changes/" + number).path("change").path("summary").asText())
        .isEqualTo(summary);
  }

  @Test
  void notInTheList() {
    assertThat(attempts.listed("requester", "/api/changes?size=100")).doesNotContain(number);
    assertThat(attempts.read("requester", "/api/changes").path("total").asLong()).isZero();
    assertThat(attempts.listed("cab1", "/api/changes?size=100")).contains(number);
  }

  @Test
  void notInTheCalendar() {
    JsonNode calendar = attempts.read("requester", "/api/changes/calendar" + window);

    assertThat(calendar.path("changes")).isEmpty();
    assertThat(calendar.path("freezes")).isEmpty();
    JsonNode staff = attempts.read("engineer", "/api/changes/calendar" + window);
    assertThat(staff.path("changes").findValuesAsText("number")).contains(number);
    assertThat(staff.path("freezes").findValuesAsText("name")).contains(freeze);
  }

  @Test
  void notInTheICalendar() {
    var ics = client.get("requester", "/api/changes/calendar.ics" + window);

    assertThat(ics.statusCode()).isEqualTo(200);
    assertThat(ics.body()).contains("BEGIN:VCALENDAR").doesNotContain("VEVENT").doesNotContain(number)
        .doesNotContain("Quarter close");
    assertThat(client.get("engineer", "/api/changes/calendar.ics" + window).body()).contains(number)
        .contains("Quarter close");
  }

  @Test
  void noFreezePeriods() {
    attempts.refused("requester", "/api/changes/freezes" + window, 403, freeze);
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

  @Test
  void notInTheKpisOrMetrics() {
    for (String path : List.of("/api/kpis", "/api/kpis/report", "/actuator/prometheus")) {
      assertThat(attempts.status("requester", path)).as(path).isEqualTo(403);
    }
  }

  private static String encode(Instant instant) {
    return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
  }
}
