package org.itops.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.itops.TestMail;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** /api/changes over real HTTP: requests, cancellation, freezes, and the calendar read back by ical4j. */
@SuiteTest
class ChangeApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ICS_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired ChangeScenario scenario;
  @Autowired ProcessSteps steps;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aRequestAnswers201AndTheChangeShowsItsItemsAndTimeline() throws Exception {
    String body = body("normal", List.of(scenario.item("high")), clock.instant().plus(Duration.ofDays(2)));

    HttpResponse<String> created = client.send(client.request("engineer", "/api/changes")
        .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    assertThat(created.statusCode()).isEqualTo(201);
    String number = JSON.readTree(created.body()).path("number").asText();
    assertThat(number).matches("CHG-\\d{6}");

    JsonNode change = JSON.readTree(client.get("engineer", "/api/changes/" + number).body());
    assertThat(change.path("change").path("classification").asText()).isEqualTo("normal");
    assertThat(change.path("change").path("risk").asText()).isEqualTo("medium");
    assertThat(change.path("change").path("status").asText()).isEqualTo("ASSESSMENT");
    assertThat(change.path("change").path("configurationItems").get(0).asText()).endsWith("@production");
    assertThat(change.path("timeline").findValuesAsText("type")).containsSubsequence("REQUESTED", "CLASSIFIED");
    assertThat(client.get("requester", "/api/changes/" + number).statusCode()).as("not theirs, not staff")
        .isEqualTo(404);
  }

  @Test
  void aRetriedRequestCreatesOneChange() throws Exception {
    String body = body("normal", List.of(scenario.item("low")), clock.instant().plus(Duration.ofDays(2)));
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first = post("engineer", body, key);
    HttpResponse<String> again = post("engineer", body, key);

    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(JSON.readTree(again.body()).path("number").asText())
        .isEqualTo(JSON.readTree(first.body()).path("number").asText());
  }

  @Test
  void badRequestsGet400WithEveryFieldAndRequestersCannotRaiseChanges() throws Exception {
    long before = jdbc.queryForObject("select count(*) from change_request", Long.class);

    HttpResponse<String> bad = client.postJson("engineer", "/api/changes", """
        {"summary": "", "type": "urgent", "impact": "huge", "configurationItems": [],
         "plannedStart": "tomorrow", "plannedEnd": "2026-12-01T20:00:00Z"}""");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
        "summary", "reason", "implementationPlan", "type", "impact", "configurationItems", "plannedStart");
    String valid = body("normal", List.of(scenario.item("low")), clock.instant().plus(Duration.ofDays(2)));
    assertThat(client.postJson("requester", "/api/changes", valid).statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from change_request", Long.class)).isEqualTo(before);
  }

  @Test
  void theRequesterCancelsThroughTheApiOnce() throws Exception {
    String number = JSON.readTree(post("engineer", body("normal", List.of(scenario.item("low")),
        clock.instant().plus(Duration.ofDays(2))), null).body()).path("number").asText();

    assertThat(client.postJson("cab1", "/api/changes/" + number + "/cancel", "{\"reason\": \"Mine now\"}")
        .statusCode()).isEqualTo(403);
    assertThat(client.postJson("engineer", "/api/changes/" + number + "/cancel", "{}").statusCode()).isEqualTo(400);
    assertThat(client.postJson("engineer", "/api/changes/" + number + "/cancel", "{\"reason\": \"Obsolete\"}")
        .statusCode()).isEqualTo(202);
    assertThat(client.postJson("engineer", "/api/changes/" + number + "/cancel", "{\"reason\": \"Again\"}")
        .statusCode()).isEqualTo(400);
    assertThat(scenario.record(number).outcome()).isEqualTo("CANCELLED");
  }

  @Test
  void freezePeriodsAreKeptByChangeManagers() throws Exception {
    Instant start = clock.instant().plus(Duration.ofDays(40));
    String freeze = """
        {"name": "Audit week", "startsAt": "%s", "endsAt": "%s", "reason": "Auditors on site"}"""
        .formatted(start, start.plus(Duration.ofDays(5)));

    assertThat(client.postJson("engineer", "/api/changes/freezes", freeze).statusCode()).isEqualTo(403);
    assertThat(client.postJson("changemgr", "/api/changes/freezes", """
        {"name": "Backwards", "startsAt": "%s", "endsAt": "%s"}""".formatted(start, start.minus(Duration.ofDays(1))))
        .statusCode()).isEqualTo(400);
    HttpResponse<String> created = client.postJson("changemgr", "/api/changes/freezes", freeze);
    assertThat(created.statusCode()).isEqualTo(201);
    long id = JSON.readTree(created.body()).path("id").asLong();
    String window = "?from=" + encode(start.minus(Duration.ofDays(1))) + "&to=" + encode(start.plus(Duration.ofDays(10)));
    assertThat(client.get("engineer", "/api/changes/freezes" + window).body()).contains("Audit week");

    assertThat(client.send(client.request("changemgr", "/api/changes/freezes/" + id).DELETE()).statusCode())
        .isEqualTo(204);
    assertThat(client.get("engineer", "/api/changes/freezes" + window).body()).doesNotContain("Audit week");
  }

  @Test
  void theCalendarListsChangesAndFreezesAsJsonAndAsICalendarThatAParserReadsBack() throws Exception {
    Instant start = clock.instant().plus(Duration.ofDays(60)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    String item = scenario.item("low");
    String summary = "Patch; reboot, then \"check\" \\ done " + "and a long line ".repeat(8) + "数据库";
    String number = JSON.readTree(post("engineer", body("standard", List.of(item), start).replace(
        "\"summary\": \"Patch the kernel\"", "\"summary\": " + JSON.writeValueAsString(summary)), null).body())
        .path("number").asText();
    steps.runAsyncJobs(number);
    client.postJson("changemgr", "/api/changes/freezes", """
        {"name": "Release freeze", "startsAt": "%s", "endsAt": "%s"}""".formatted(start.plus(Duration.ofDays(1)),
        start.plus(Duration.ofDays(2))));
    String window = "?from=" + encode(start.minus(Duration.ofHours(1))) + "&to=" + encode(start.plus(Duration.ofDays(3)));

    JsonNode calendar = JSON.readTree(client.get("engineer", "/api/changes/calendar" + window).body());
    assertThat(calendar.path("changes").findValuesAsText("number")).contains(number);
    assertThat(calendar.path("freezes").findValuesAsText("name")).contains("Release freeze");

    HttpResponse<String> ics = client.get("engineer", "/api/changes/calendar.ics" + window);
    assertThat(ics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
    assertThat(ics.body().lines().toList()).allSatisfy(line ->
        assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
    Calendar parsed = new CalendarBuilder().build(new StringReader(ics.body()));
    Map<String, VEvent> events = parsed.<VEvent>getComponents(Component.VEVENT).stream()
        .collect(Collectors.toMap(e -> value(e, Property.UID), e -> e));
    VEvent change = events.get(number + "@localhost");
    assertThat(change).as("event of " + number + " in " + events.keySet()).isNotNull();
    assertThat(value(change, Property.SUMMARY)).isEqualTo(number + " " + summary);
    assertThat(value(change, Property.DTSTART)).isEqualTo(ICS_TIME.format(start));
    assertThat(value(change, Property.DTEND)).isEqualTo(ICS_TIME.format(start.plus(Duration.ofHours(2))));
    assertThat(value(change, Property.DESCRIPTION)).contains(item);
    assertThat(events.values()).anySatisfy(e -> assertThat(value(e, Property.SUMMARY))
        .isEqualTo("Change freeze: Release freeze"));
    assertThat(client.get("engineer", "/api/changes/calendar?from=2026-13-01").statusCode()).isEqualTo(400);
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElse(null);
  }

  private HttpResponse<String> post(String user, String body, String key) {
    var request = client.request(user, "/api/changes").header("Content-Type", "application/json");
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return client.send(request.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String body(String type, List<String> items, Instant start) throws Exception {
    return """
        {"summary": "Patch the kernel", "reason": "Security fix", "type": "%s", "impact": "low",
         "configurationItems": %s, "implementationPlan": "Drain, patch, reboot", "backoutPlan": "Restore the snapshot",
         "testEvidence": "Passed on staging", "plannedStart": "%s", "plannedEnd": "%s"}"""
        .formatted(type, JSON.writeValueAsString(items), start, start.plus(Duration.ofHours(2)));
  }

  private static String encode(Instant instant) {
    return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
  }
}
