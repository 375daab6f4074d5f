package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itops.incident.IncidentProcess.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.MutableClock;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.calendar.CalendarInput;
import org.itops.calendar.Calendars;
import org.itops.catalog.CatalogScenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SLA clocks of an incident on a service with business hours (Monday to Friday, 09:00-18:00 in Europe/Berlin):
 * a gold P4 (response 4 hours, resolution 3 days of working time) reported on Friday at 17:00 is due for response
 * on Monday at 12:00; its timers fire then and not earlier; a pause moves the resolution by the working time paused;
 * a holiday added to the calendar moves an open incident's due times and timers; a change to days already passed
 * leaves them, since only the remaining time counts in the changed calendar.
 */
@SuiteTest
class IncidentBusinessHoursTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final List<String> NINE_TO_SIX = List.of("09:00-18:00");

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired IncidentScenario scenario;
  @Autowired IncidentService incidents;
  @Autowired CatalogScenario catalog;
  @Autowired Calendars calendars;
  @Autowired ProcessSteps steps;
  @Autowired RuntimeService runtimeService;
  @Autowired MutableClock clock;
  String calendar;
  String service;
  LocalDate friday;

  @BeforeEach
  void aServiceOnBusinessHoursAndFridayFivePm() {
    clock.reset();
    calendar = "bh-" + UUID.randomUUID().toString().substring(0, 8);
    steps.as("manager", () -> calendars.save(calendar, new CalendarInput("Europe/Berlin", Map.of("MONDAY", NINE_TO_SIX,
        "TUESDAY", NINE_TO_SIX, "WEDNESDAY", NINE_TO_SIX, "THURSDAY", NINE_TO_SIX, "FRIDAY", NINE_TO_SIX), null)));
    service = calendar + "-payroll";
    catalog.publish(service, "gold", calendar);
    friday = LocalDate.now(BERLIN).plusWeeks(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    clock.advance(Duration.between(clock.instant(), at(friday, "17:00")));
  }

  @Test
  void aFridayReportAtFiveIsDueForResponseOnMondayAtNoon() throws Exception {
    String number = report();

    Incident incident = scenario.record(number);
    assertThat(incident.getResponseTarget()).isEqualTo("PT4H");
    assertThat(incident.getResponseDue()).isEqualTo(at(friday.plusDays(3), "12:00"));
    assertThat(incident.getWarningDue()).as("80% of 72 working hours: 57 h 36 min")
        .isEqualTo(at(friday.plusDays(11), "11:36"));
    assertThat(incident.getResolutionDue()).as("72 working hours").isEqualTo(at(friday.plusDays(12), "17:00"));
    assertThat(scenario.timer(number, Element.RESPONSE_TARGET_MISSED).getDuedate().toInstant())
        .isEqualTo(incident.getResponseDue());
    assertThat(shownOnForm("desk", scenario.task(number, Element.TRIAGE).getId(), "responseDueShown"))
        .as("in the calendar's zone").isEqualTo(friday.plusDays(3) + " 12:00 (UTC+01:00)");
    JsonNode sla = new ObjectMapper().readTree(new SuiteClient(port).get("desk", "/api/incidents/" + number).body())
        .path("sla");
    assertThat(sla.path("hours").asText()).isEqualTo(calendar);
    assertThat(sla.path("timeZone").asText()).as("the portal shows the due time there").isEqualTo("Europe/Berlin");
    JsonNode listed = new ObjectMapper().readTree(new SuiteClient(port).get("requester",
        "/api/my/requests?kind=INC&q=" + number).body()).path("items").path(0);
    assertThat(listed.path("dueZone").asText()).as("and in the requester's list").isEqualTo("Europe/Berlin");
    assertThat(Instant.parse(listed.path("dueAt").asText())).isEqualTo(incident.getResolutionDue());
  }

  @Test
  void theResponseWarningAndBreachTimersFireAtTheirWorkingTimeDueTimes() {
    String number = report();

    scenario.fire(number, Element.RESPONSE_TARGET_MISSED);
    assertThat(scenario.record(number).isResponseBreached()).isTrue();
    scenario.triage(number, null, null);
    scenario.take(number);
    scenario.fire(number, Element.RESOLUTION_WARNING_DUE);
    scenario.fire(number, Element.RESOLUTION_TARGET_MISSED);

    Incident incident = scenario.record(number);
    assertThat(incident.isResolutionWarned()).isTrue();
    assertThat(incident.isResolutionBreached()).isTrue();
  }

  @Test
  void aPauseMovesTheResolutionByTheWorkingTimePaused() {
    String number = report();
    scenario.triage(number, null, null);
    scenario.take(number);
    clock.advance(Duration.ofMinutes(30));

    scenario.ask(number, "Which payslips?");
    clock.advance(Duration.between(clock.instant(), at(friday.plusDays(3), "10:00")));
    scenario.answer(number);

    Incident incident = scenario.record(number);
    assertThat(incident.getPausedSeconds()).as("Friday 17:30-18:00 and Monday 09:00-10:00").isEqualTo(90 * 60);
    assertThat(incident.getResolutionDue()).isEqualTo(at(friday.plusDays(13), "09:30"));
    assertThat(scenario.timer(number, Element.RESOLUTION_TARGET_MISSED).getDuedate().toInstant())
        .isEqualTo(incident.getResolutionDue());
    assertThat(incident.getResponseDue()).as("the response clock never pauses")
        .isEqualTo(at(friday.plusDays(3), "12:00"));
  }

  @Test
  void aHolidayAddedToTheCalendarMovesAnOpenIncidentsDueTimesAndTimers() throws Exception {
    String number = report();
    scenario.triage(number, null, null);
    scenario.take(number);
    int timelineBefore = incidents.timelineOf(number).size();

    steps.as("manager", () -> calendars.putDay(calendar, friday.plusDays(3).toString(),
        new CalendarInput.Day("HOLIDAY", "Easter Monday")));
    steps.as("manager", () -> calendars.putDay(calendar, friday.plusDays(3).toString(),
        new CalendarInput.Day("HOLIDAY", "Easter Monday")));

    Incident incident = scenario.record(number);
    assertThat(incident.getResponseDue()).isEqualTo(at(friday.plusDays(4), "12:00"));
    assertThat(incident.getResolutionDue()).isEqualTo(at(friday.plusDays(13), "17:00"));
    assertThat(scenario.timer(number, Element.RESOLUTION_TARGET_MISSED).getDuedate().toInstant())
        .isEqualTo(incident.getResolutionDue());
    assertThat(scenario.timer(number, Element.RESOLUTION_WARNING_DUE).getDuedate().toInstant())
        .isEqualTo(incident.getWarningDue());
    assertThat(runtimeService.getVariable(scenario.instance(number).getId(), IncidentProcess.Var.RESOLUTION_DUE))
        .isEqualTo(java.util.Date.from(incident.getResolutionDue()));
    String work = scenario.task(number, Element.WORK).getId();
    assertThat(scenario.task(number, Element.WORK).getDueDate().toInstant()).isEqualTo(incident.getResolutionDue());
    assertThat(shownOnForm("engineer", work, "resolutionDueShown")).as("the form shows the due time as it is now")
        .isEqualTo(friday.plusDays(13) + " 17:00 (UTC+01:00)");
    assertThat(shownOnForm("engineer", work, "responseDueShown")).isEqualTo(friday.plusDays(4) + " 12:00 (UTC+01:00)");
    assertThat(incidents.timelineOf(number)).as("recalculated once: the second change changed nothing")
        .hasSize(timelineBefore + 1);
  }

  @Test
  void aCalendarChangeCountsOnlyTheRemainingTime() {
    String number = report();
    scenario.triage(number, null, null);
    scenario.take(number);
    LocalDate tuesday = friday.plusDays(4);
    clock.advance(Duration.between(clock.instant(), at(tuesday, "10:00")));

    steps.as("manager", () -> calendars.putDay(calendar, friday.plusDays(3).toString(),
        new CalendarInput.Day("HOLIDAY", "Monday already passed")));
    Incident incident = scenario.record(number);
    assertThat(incident.getResolutionDue()).as("the Monday worked stays counted")
        .isEqualTo(at(friday.plusDays(12), "17:00"));
    assertThat(incident.getWarningDue()).isEqualTo(at(friday.plusDays(11), "11:36"));
    assertThat(incident.getResponseDue()).as("passed before the change").isEqualTo(at(friday.plusDays(3), "12:00"));

    steps.as("manager", () -> calendars.putDay(calendar, tuesday.plusDays(1).toString(),
        new CalendarInput.Day("HOLIDAY", "Tomorrow")));
    incident = scenario.record(number);
    assertThat(incident.getResolutionDue()).as("a working day later").isEqualTo(at(friday.plusDays(13), "17:00"));
    assertThat(incident.getWarningDue()).isEqualTo(at(friday.plusDays(12), "11:36"));
    assertThat(scenario.timer(number, Element.RESOLUTION_TARGET_MISSED).getDuedate().toInstant())
        .isEqualTo(incident.getResolutionDue());

    steps.as("manager", () -> calendars.removeDay(calendar, tuesday.plusDays(1).toString()));
    incident = scenario.record(number);
    assertThat(incident.getResolutionDue()).as("back").isEqualTo(at(friday.plusDays(12), "17:00"));
    assertThat(incident.getWarningDue()).isEqualTo(at(friday.plusDays(11), "11:36"));
    assertThat(scenario.timer(number, Element.RESOLUTION_WARNING_DUE).getDuedate().toInstant())
        .isEqualTo(incident.getWarningDue());
  }

  /** A value the task's form shows, as Tasklist reads it. */
  private String shownOnForm(String user, String taskId, String name) throws Exception {
    HttpResponse<String> read = new SuiteClient(port).get(user, "/engine-rest/task/" + taskId + "/form-variables");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    return new ObjectMapper().readTree(read.body()).path(name).path("value").asText();
  }

  private String report() {
    return scenario.as("requester", () -> incidents.report(new IncidentReport("Payslips missing", "None printed",
        "medium", "low", "application", null, service, null, null), "test"));
  }

  private static Instant at(LocalDate date, String time) {
    return LocalDateTime.of(date, LocalTime.parse(time)).atZone(BERLIN).toInstant();
  }
}
