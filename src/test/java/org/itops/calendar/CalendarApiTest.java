package org.itops.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/calendars} over HTTP: IT managers create and change calendars and import iCalendar files of holidays,
 * everyone else is refused; bad input gets a 400 that says what is wrong, in English or Chinese, and changes nothing;
 * the same request twice changes nothing twice. The shipped {@code cn-working-days} holds China's 2026 schedule.
 */
@SuiteTest
class CalendarApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEEK = "{\"zone\": \"Europe/Berlin\", \"week\": {\"MONDAY\": [\"09:00-12:00\","
      + " \"13:30-18:00\"], \"FRIDAY\": [\"09:00-15:00\"]}}";
  /** Two events, one a make-up working day; a long line folded as RFC 5545 folds it. */
  private static final String ICS = """
      BEGIN:VCALENDAR\r
      VERSION:2.0\r
      BEGIN:VEVENT\r
      DTSTART;VALUE=DATE:20261001\r
      DTEND;VALUE=DATE:20261008\r
      SUMMARY:National Day, seven days off, as the State Council's notice for the ye\r
       ar says\r
      END:VEVENT\r
      BEGIN:VEVENT\r
      DTSTART;VALUE=DATE:20261010\r
      SUMMARY:Make-up working day\r
      CATEGORIES:WORKING-DAY\r
      END:VEVENT\r
      END:VCALENDAR\r
      """;

  @LocalServerPort int port;
  @Autowired Calendars calendars;
  SuiteClient client;
  String name;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
    name = "c-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void anItManagerCreatesACalendarAndPuttingItAgainChangesNothing() throws Exception {
    HttpResponse<String> created = client.putJson("manager", "/api/calendars/" + name, WEEK);
    HttpResponse<String> again = client.putJson("manager", "/api/calendars/" + name, WEEK);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    JsonNode calendar = JSON.readTree(client.get("desk", "/api/calendars/" + name).body());
    assertThat(calendar.path("zone").asText()).isEqualTo("Europe/Berlin");
    assertThat(calendar.path("week").path("MONDAY").toString()).isEqualTo("[\"09:00-12:00\",\"13:30-18:00\"]");
    assertThat(calendar.path("updatedBy").asText()).isEqualTo("manager");
    BusinessCalendar hours = calendars.hours(name);
    Instant mondayEleven = Instant.parse("2026-12-07T10:00:00Z");
    assertThat(hours.addWorkingTime(mondayEleven, Duration.ofHours(2))).as("lunch 12:00-13:30 does not count")
        .isEqualTo(Instant.parse("2026-12-07T13:30:00Z"));
    assertThat(JSON.readTree(client.get("requester", "/api/calendars").body()).findValuesAsText("name"))
        .contains(name, "business-hours", "cn-working-days");
  }

  @Test
  void onlyItManagersChangeCalendars() {
    client.putJson("manager", "/api/calendars/" + name, WEEK);

    assertThat(client.putJson("desk", "/api/calendars/" + name, WEEK).statusCode()).isEqualTo(403);
    assertThat(client.putJson("owner", "/api/calendars/" + name + "/days/2026-12-24",
        "{\"kind\": \"HOLIDAY\", \"name\": \"Christmas Eve\"}").statusCode()).isEqualTo(403);
    assertThat(client.send(client.request("requester", "/api/calendars/" + name + "/days")
        .header("Content-Type", "text/calendar").POST(BodyPublishers.ofString(ICS))).statusCode()).isEqualTo(403);
    assertThat(client.send(client.request("engineer", "/api/calendars/" + name + "/days/2026-12-24").DELETE())
        .statusCode()).isEqualTo(403);
    assertThat(calendars.hours(name).days()).isEmpty();
  }

  @Test
  void overlappingSpansABadZoneAndBadTimesAreRefusedWithWhatIsWrong() throws Exception {
    HttpResponse<String> refused = client.putJson("manager", "/api/calendars/" + name, """
        {"zone": "Mars/Olympus", "week": {"MONDAY": ["09:00-12:00", "11:00-14:00"], "TUESDAY": ["18:00-09:00"],
         "WEDNESDAY": ["25:00-26:00"], "HOLIDAY": ["09:00-10:00"]}}""");
    HttpResponse<String> inChinese = client.send(client.request("manager", "/api/calendars/" + name)
        .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
        .PUT(BodyPublishers.ofString("{\"zone\": \"Mars/Olympus\", \"week\": {\"MONDAY\": [\"09:00-12:00\"]}}")));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("'Mars/Olympus' is not a time zone", "'11:00-14:00' overlaps",
        "'18:00-09:00' is not a span of working hours", "'25:00-26:00' is not a span", "'HOLIDAY' is not a weekday");
    assertThat(inChinese.statusCode()).isEqualTo(400);
    assertThat(inChinese.body()).contains("'Mars/Olympus' 不是时区");
    assertThat(client.get("manager", "/api/calendars/" + name).statusCode()).as("nothing written").isEqualTo(404);
    assertThat(client.putJson("manager", "/api/calendars/24x7", WEEK).statusCode()).isEqualTo(400);
    assertThat(client.putJson("manager", "/api/calendars/" + name, "{\"zone\": \"UTC\", \"week\": {}}").body())
        .contains("working hours on at least one weekday");
  }

  @Test
  void anICalendarFileAddsItsHolidaysAndMakeUpDaysOnceHoweverOftenItIsSent() throws Exception {
    client.putJson("manager", "/api/calendars/" + name, WEEK);

    HttpResponse<String> imported = client.send(client.request("manager", "/api/calendars/" + name + "/days")
        .header("Content-Type", "text/calendar").POST(BodyPublishers.ofString(ICS)));
    HttpResponse<String> uploaded = client.upload("manager", "/api/calendars/" + name + "/days", "holidays.ics",
        ICS.getBytes(StandardCharsets.UTF_8));

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    JsonNode days = JSON.readTree(uploaded.body()).path("days");
    assertThat(days).hasSize(8);
    assertThat(days.get(0).path("date").asText()).isEqualTo("2026-10-01");
    assertThat(days.get(0).path("name").asText())
        .isEqualTo("National Day, seven days off, as the State Council's notice for the year says");
    assertThat(days.get(7).path("date").asText()).isEqualTo("2026-10-10");
    assertThat(days.get(7).path("kind").asText()).isEqualTo("WORKING");
    BusinessCalendar hours = calendars.hours(name);
    assertThat(hours.spansOn(java.time.LocalDate.of(2026, 10, 5))).as("a Monday off").isEmpty();
    assertThat(hours.spansOn(java.time.LocalDate.of(2026, 10, 10))).as("a Saturday at work: Monday's hours")
        .hasSize(2);
  }

  @Test
  void aFileThatIsNoICalendarOrHasTimedEventsIsRefusedAndChangesNothing() {
    client.putJson("manager", "/api/calendars/" + name, WEEK);

    HttpResponse<String> notACalendar = client.send(client.request("manager", "/api/calendars/" + name + "/days")
        .header("Content-Type", "text/calendar").POST(BodyPublishers.ofString("Date,Holiday\n2026-10-01,National")));
    HttpResponse<String> timed = client.upload("manager", "/api/calendars/" + name + "/days", "meeting.ics",
        ICS.replace("DTSTART;VALUE=DATE:20261010", "DTSTART:20261010T090000Z").getBytes(StandardCharsets.UTF_8));

    assertThat(notACalendar.statusCode()).isEqualTo(400);
    assertThat(notACalendar.body()).contains("is not an iCalendar file");
    assertThat(timed.statusCode()).isEqualTo(400);
    assertThat(timed.body()).contains("event 'Make-up working day'", "is not an all-day date");
    assertThat(calendars.hours(name).days()).as("not the first event either").isEmpty();
  }

  @Test
  void aDayIsSetAndRemovedAndABadDayIsRefused() throws Exception {
    client.putJson("manager", "/api/calendars/" + name, WEEK);

    HttpResponse<String> set = client.putJson("manager", "/api/calendars/" + name + "/days/2026-12-25",
        "{\"kind\": \"holiday\", \"name\": \"Christmas\"}");
    HttpResponse<String> bad = client.putJson("manager", "/api/calendars/" + name + "/days/2026-13-01",
        "{\"kind\": \"party\", \"name\": \"\"}");

    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("'2026-13-01' is not a date", "'party' is not one of");
    assertThat(calendars.hours(name).days()).extracting(CalendarDay::name).containsExactly("Christmas");
    HttpResponse<String> removed = client.send(client.request("manager", "/api/calendars/" + name
        + "/days/2026-12-25").DELETE());
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(calendars.hours(name).days()).isEmpty();
  }

  @Test
  void anItManagerSetsADayFromTasklistsStartFormAndNobodyElseMay() throws Exception {
    client.putJson("manager", "/api/calendars/" + name, WEEK);
    String path = "/engine-rest/process-definition/key/calendar-change/submit-form";

    HttpResponse<String> started = client.postJson("manager", path, startForm("2026-12-24", "HOLIDAY"));
    HttpResponse<String> refused = client.postJson("desk", path, startForm("2026-12-31", "HOLIDAY"));
    HttpResponse<String> bad = client.postJson("manager", path, startForm("24.12.2026", "HOLIDAY"));

    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(refused.statusCode()).as("the engine shows no definition to who may not start it").isEqualTo(404);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("'24.12.2026' is not a date");
    assertThat(calendars.hours(name).days()).extracting(CalendarDay::date)
        .containsExactly(java.time.LocalDate.of(2026, 12, 24));
    assertThat(client.postJson("manager", path, startForm("2026-12-24", "REMOVE")).statusCode()).isEqualTo(200);
    assertThat(calendars.hours(name).days()).isEmpty();
  }

  @Test
  void anItManagerSetsTheZoneAndWeekFromTasklistWithTheRulesOfTheApi() throws Exception {
    client.putJson("manager", "/api/calendars/" + name, WEEK);
    String path = "/engine-rest/process-definition/key/calendar-change/submit-form";

    HttpResponse<String> started = client.postJson("manager", path, weekForm("Asia/Shanghai",
        "MONDAY 09:00-12:00, 13:30-18:00\n\nfriday 09:00-12:00\n"));
    HttpResponse<String> bad = client.postJson("manager", path, weekForm("Mars/Olympus",
        "MONDAY 09:00-12:00 11:00-14:00\nHOLIDAY 09:00-10:00"));
    HttpResponse<String> inChinese = client.send(client.request("manager", path)
        .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
        .POST(BodyPublishers.ofString(weekForm("Mars/Olympus", "MONDAY 09:00-12:00"))));
    HttpResponse<String> refused = client.postJson("desk", path, weekForm("Europe/Paris", "MONDAY 09:00-12:00"));

    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    Calendars.View view = calendars.view(name);
    assertThat(view.zone()).isEqualTo("Asia/Shanghai");
    assertThat(view.week()).containsOnly(
        java.util.Map.entry(java.time.DayOfWeek.MONDAY, java.util.List.of("09:00-12:00", "13:30-18:00")),
        java.util.Map.entry(java.time.DayOfWeek.FRIDAY, java.util.List.of("09:00-12:00")));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("'Mars/Olympus' is not a time zone", "'11:00-14:00' overlaps",
        "'HOLIDAY' is not a weekday");
    assertThat(inChinese.statusCode()).isEqualTo(400);
    assertThat(inChinese.body()).contains("'Mars/Olympus' 不是时区");
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(calendars.view(name).zone()).as("a refused change loses nothing").isEqualTo("Asia/Shanghai");
  }

  @Test
  void aNewNameInTasklistsWeekFormCreatesTheCalendarAndAnEmptyDescriptionKeepsItsOwn() throws Exception {
    String path = "/engine-rest/process-definition/key/calendar-change/submit-form";

    HttpResponse<String> created = client.postJson("manager", path, weekForm("Asia/Shanghai", "MONDAY 09:00-18:00",
        "Support desk Shanghai"));
    HttpResponse<String> changed = client.postJson("manager", path, weekForm("Asia/Shanghai", "TUESDAY 09:00-18:00",
        ""));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    Calendars.View view = calendars.view(name);
    assertThat(view.zone()).isEqualTo("Asia/Shanghai");
    assertThat(view.description()).isEqualTo("Support desk Shanghai");
    assertThat(view.week()).containsOnlyKeys(java.time.DayOfWeek.TUESDAY);
    assertThat(view.updatedBy()).isEqualTo("manager");
  }

  private String weekForm(String zone, String week, String description) throws Exception {
    return JSON.writeValueAsString(java.util.Map.of("variables", java.util.Map.of(
        "calendarName", java.util.Map.of("value", name), "dayKind", java.util.Map.of("value", "WEEK"),
        "zone", java.util.Map.of("value", zone), "week", java.util.Map.of("value", week),
        "description", java.util.Map.of("value", description))));
  }

  private String weekForm(String zone, String week) throws Exception {
    return JSON.writeValueAsString(java.util.Map.of("variables", java.util.Map.of(
        "calendarName", java.util.Map.of("value", name), "dayKind", java.util.Map.of("value", "WEEK"),
        "zone", java.util.Map.of("value", zone), "week", java.util.Map.of("value", week))));
  }

  private String startForm(String date, String kind) throws Exception {
    return JSON.writeValueAsString(java.util.Map.of("variables", java.util.Map.of(
        "calendarName", java.util.Map.of("value", name), "date", java.util.Map.of("value", date),
        "dayKind", java.util.Map.of("value", kind), "dayName", java.util.Map.of("value", "Christmas Eve"))));
  }

  @Test
  void chinasWorkingDaysOf2026AreShipped() {
    BusinessCalendar china = calendars.hours("cn-working-days");

    assertThat(china.zone().getId()).isEqualTo("Asia/Shanghai");
    assertThat(china.spansOn(java.time.LocalDate.of(2026, 2, 16))).as("Spring Festival").isEmpty();
    assertThat(china.spansOn(java.time.LocalDate.of(2026, 2, 14))).as("make-up Saturday").isNotEmpty();
    assertThat(china.spansOn(java.time.LocalDate.of(2026, 9, 20))).as("make-up Sunday").isNotEmpty();
    assertThat(china.spansOn(java.time.LocalDate.of(2026, 10, 7))).as("National Day").isEmpty();
    assertThat(china.days()).filteredOn(day -> day.date().getYear() == 2026).hasSize(33 + 6);
  }
}
