package org.itops.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPIs of January 2030 for one service, over a seeded set of records whose answers are worked out by hand in the
 * comments.
 */
@SuiteTest
class KpiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired KpiService kpiService;
  @Autowired IncidentFigures incidentFigures;
  @Autowired Calendars calendars;
  @Autowired CatalogScenario catalog;
  @Autowired ProcessSteps steps;
  SuiteClient client;
  String service;
  String prefix;
  java.time.LocalDate drillDay;

  @BeforeEach
  void seed() {
    client = new SuiteClient(port);
    prefix = "K" + UUID.randomUUID().toString().substring(0, 6);
    service = "KPI service " + prefix;
    // incidents: priority, reported, responded, resolved, paused seconds, response/resolution breached, reopens
    incident("A", "P1", "2030-01-10T10:00:00Z", "2030-01-10T10:10:00Z", "2030-01-10T12:00:00Z", 0, false, false, 0);
    incident("B", "P1", "2030-01-11T10:00:00Z", "2030-01-11T10:30:00Z", "2030-01-11T16:00:00Z", 3600, true, true, 1);
    incident("C", "P2", "2030-01-20T08:00:00Z", "2030-01-20T08:20:00Z", null, 0, false, false, 0);
    incident("D", "P3", "2030-01-31T12:00:00Z", null, null, 0, false, false, 0);
    incident("E", "P2", "2029-12-31T23:00:00Z", "2029-12-31T23:30:00Z", "2030-01-01T03:00:00Z", 0, false, false, 0);
    // changes on an item of the service: created, classification, closed, outcome
    jdbc.update("insert into configuration_item (name, type, environment, service, owner_group, criticality,"
        + " updated_at) values (?, 'server', 'production', ?, 'ops-engineers', 'low', ?)", prefix, service,
        Timestamp.from(Instant.now()));
    change("X", "2030-01-02T00:00:00Z", "normal", "2030-01-05T00:00:00Z", "SUCCESSFUL");
    change("Y", "2030-01-03T00:00:00Z", "emergency", "2030-01-06T00:00:00Z", "BACKED_OUT");
    change("Z", "2030-01-04T00:00:00Z", "normal", "2030-01-07T00:00:00Z", "REJECTED");
    change("W", "2029-12-20T00:00:00Z", "emergency", "2030-01-08T00:00:00Z", "FAILED");
    // demands delivered: submitted, delivered, acceptance rounds
    demand("1", "2030-01-05T00:00:00Z", "2030-01-15T00:00:00Z", 1);
    demand("2", "2030-01-01T00:00:00Z", "2030-01-25T00:00:00Z", 2);
    // drills of a plan: drill day, result (null: not evaluated yet)
    jdbc.update("insert into emergency_plan (name, scenario, owner_group, participating_teams, rto_minutes,"
        + " rpo_minutes, frequency_days, next_drill_at, created_by, created_at, updated_at) values (?, 'Seeded',"
        + " 'ops-engineers', 'ops-engineers', 60, 15, 90, ?, 'engineer', ?, ?)", prefix, time("2030-04-01T00:00:00Z"),
        time("2029-12-01T00:00:00Z"), time("2029-12-01T00:00:00Z"));
    // drills test plans, not services: they go on a day of their own, which no other seed shares
    drillDay = java.time.LocalDate.of(2031, 1, 1).plusDays(new java.util.Random().nextInt(20_000));
    drill("d1", drillDay + "T08:00:00Z", "PASSED");
    drill("d2", drillDay + "T12:00:00Z", "FAILED");
    drill("d3", drillDay + "T16:00:00Z", null);
    // problems of the service: opened, first root cause, fix succeeded, recurred after it, closed; their incidents
    problem("P1", "2030-01-02T00:00:00Z", "2030-01-02T06:00:00Z", "2030-01-10T00:00:00Z", true, null, "A", "B");
    problem("P2", "2030-01-03T00:00:00Z", "2030-01-04T00:00:00Z", "2030-01-12T00:00:00Z", false,
        "2030-01-20T00:00:00Z", "A", "E");
    problem("P3", "2029-12-01T00:00:00Z", "2029-12-02T00:00:00Z", null, false, "2029-12-20T00:00:00Z");
    // survey answers
    survey("s1", 5);
    survey("s2", 4);
    survey("s3", 2);
  }

  @Test
  void theKpisOfAPeriodAndAServiceAreWhatTheRecordsSay() throws Exception {
    JsonNode kpis = JSON.readTree(client.get("manager", "/api/kpis?from=2030-01-01&to=2030-02-01&service="
        + service.replace(" ", "%20")).body());

    JsonNode incidents = kpis.path("incidents");
    assertThat(incidents.path("reported").asLong()).isEqualTo(4);             // A B C D
    assertThat(incidents.path("resolved").asLong()).isEqualTo(3);             // A B E
    assertThat(incidents.path("mttaMinutes").path("P1").asDouble()).isEqualTo(20.0);   // (10 + 30) / 2
    assertThat(incidents.path("mttaMinutes").path("P2").asDouble()).isEqualTo(20.0);   // C; E was taken in 2029
    assertThat(incidents.path("mttaMinutes").path("P3").isNull()).isTrue();
    assertThat(incidents.path("mttrMinutes").path("P1").asDouble()).isEqualTo(210.0);  // (120 + (360 - 60)) / 2
    assertThat(incidents.path("mttrMinutes").path("P2").asDouble()).isEqualTo(240.0);  // E
    assertThat(incidents.path("responseSlaPercent").asDouble()).isEqualTo(66.7);       // A C of A B C (D unmeasured)
    assertThat(incidents.path("resolutionSlaPercent").asDouble()).isEqualTo(66.7);     // A E of A B E
    assertThat(incidents.path("reopenRatePercent").asDouble()).isEqualTo(33.3);        // B of A B E
    assertThat(incidents.path("backlog").toString()).isEqualTo("{\"<1d\":1,\"1-3d\":0,\"3-7d\":0,\">7d\":1}"); // D C
    assertThat(incidents.path("perService").path(service).asLong()).isEqualTo(4);
    JsonNode changes = kpis.path("changes");
    assertThat(changes.path("closed").asLong()).isEqualTo(3);                 // X Y W (Z was rejected)
    assertThat(changes.path("successRatePercent").asDouble()).isEqualTo(33.3);         // X
    assertThat(changes.path("requested").asLong()).isEqualTo(3);              // X Y Z
    assertThat(changes.path("emergencyRatioPercent").asDouble()).isEqualTo(33.3);      // Y
    JsonNode demands = kpis.path("demands");
    assertThat(demands.path("delivered").asLong()).isEqualTo(2);
    assertThat(demands.path("leadTimeDays").asDouble()).isEqualTo(17.0);      // (10 + 24) / 2
    assertThat(demands.path("acceptanceFirstPassPercent").asDouble()).isEqualTo(50.0);
    JsonNode drills = JSON.readTree(client.get("manager", "/api/kpis?from=" + drillDay + "&to=" + drillDay.plusDays(1))
        .body()).path("drills");
    assertThat(drills.path("evaluated").asLong()).isEqualTo(2);               // d1 d2 (d3 not evaluated)
    assertThat(drills.path("passRatePercent").asDouble()).isEqualTo(50.0);    // d1
    JsonNode satisfaction = kpis.path("satisfaction");
    assertThat(satisfaction.path("answers").asLong()).isEqualTo(3);
    assertThat(satisfaction.path("csat").asDouble()).isEqualTo(3.7);          // 11 / 3
    assertThat(satisfaction.path("satisfiedPercent").asDouble()).isEqualTo(66.7);
    JsonNode problems = kpis.path("problems");
    assertThat(problems.path("open").asLong()).isEqualTo(1);                  // P1 (P2 and P3 closed)
    assertThat(problems.path("linkedIncidents").asLong()).isEqualTo(2);       // A B (E was reported in 2029)
    assertThat(problems.path("timeToRootCauseHours").asDouble()).isEqualTo(15.0);      // (6 + 24) / 2
    assertThat(problems.path("recurredAfterFixPercent").asDouble()).isEqualTo(50.0);   // P1 of P1 P2
  }

  @Test
  void theDailySumsOfClosedIncidentsGiveTheSameKpisAsTheRowsForAnyPeriod() throws Exception {
    // half of the incidents are of a service on a calendar, whose times count in its hours
    String calendar = "r-" + prefix.substring(1).toLowerCase();
    List<String> officeHours = List.of("09:00-12:00", "13:00-17:00");
    steps.as("manager", () -> calendars.save(calendar, new CalendarInput("Europe/Berlin", Map.of("MONDAY",
        officeHours, "TUESDAY", officeHours, "WEDNESDAY", officeHours, "THURSDAY", officeHours, "FRIDAY",
        officeHours), null)));
    service = prefix + " rolled up";
    catalog.publish(service, "gold", calendar);
    java.util.Random random = new java.util.Random(7);
    Instant start = Instant.parse("2021-01-01T00:00:00Z");
    for (int i = 0; i < 300; i++) {
      Instant reported = start.plusSeconds(random.nextInt(500 * 24 * 3600));
      Instant responded = random.nextInt(10) == 0 ? null : reported.plusSeconds(random.nextInt(3 * 24 * 3600));
      Instant resolved = responded == null ? null : responded.plusSeconds(random.nextInt(5 * 24 * 3600));
      Instant closed = (resolved == null ? reported : resolved).plusSeconds(random.nextInt(4 * 24 * 3600));
      jdbc.update("insert into incident (number, title, impact, urgency, category, reporter, source, status, priority,"
          + " service, reported_at, responded_at, resolved_at, closed_at, paused_seconds, response_breached,"
          + " resolution_breached, reopen_count, updated_at) values (?, 'Seeded', 'low', 'low', 'server', 'requester',"
          + " 'test', 'CLOSED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", prefix + "R" + i,
          random.nextInt(12) == 0 ? null : "P" + (1 + random.nextInt(4)), random.nextBoolean() ? service : null,
          Timestamp.from(reported), responded == null ? null : Timestamp.from(responded),
          resolved == null ? null : Timestamp.from(resolved), Timestamp.from(closed), random.nextInt(3) * 600,
          random.nextInt(5) == 0, random.nextInt(4) == 0, random.nextInt(6) == 0 ? 1 : 0, Timestamp.from(closed));
    }
    List<Instant[]> periods = List.of(
        new Instant[] {Instant.parse("2021-03-01T00:00:00Z"), Instant.parse("2021-06-01T00:00:00Z")},
        new Instant[] {Instant.parse("2021-03-01T05:17:00Z"), Instant.parse("2021-09-14T22:03:00Z")},
        new Instant[] {Instant.parse("2021-05-05T01:00:00Z"), Instant.parse("2021-05-05T20:00:00Z")},
        new Instant[] {Instant.parse("2021-01-01T00:00:00Z"), Instant.parse("2022-01-01T00:00:00Z")},
        new Instant[] {Instant.parse("2021-12-31T23:59:59Z"), Instant.parse("2022-06-02T00:00:01Z")});
    try {
      resetTheDailySums();
      List<Kpis.Incidents> fromTheRows = new java.util.ArrayList<>();
      for (Instant[] period : periods) {
        fromTheRows.add(kpiService.of(period[0], period[1], null).incidents());
        fromTheRows.add(kpiService.of(period[0], period[1], service).incidents());
      }
      assertThat(fromTheRows.get(6).resolved()).as("a year of the seeded incidents").isGreaterThan(100);
      assertThat(fromTheRows.get(7).mttrBusinessMinutes()).as("the service's hours count")
          .isNotEqualTo(fromTheRows.get(7).mttrMinutes());

      incidentFigures.rollUp();

      assertThat(jdbc.queryForObject("select watermark from kpi_rollup", Timestamp.class).toInstant())
          .as("rolled up to today").isAfter(Instant.now().minus(java.time.Duration.ofDays(1)));
      List<Kpis.Incidents> fromTheSums = new java.util.ArrayList<>();
      for (Instant[] period : periods) {
        fromTheSums.add(kpiService.of(period[0], period[1], null).incidents());
        fromTheSums.add(kpiService.of(period[0], period[1], service).incidents());
      }
      assertThat(fromTheSums).isEqualTo(fromTheRows);
    } finally {
      resetTheDailySums();
    }
  }

  /** Other tests write incidents closed in the past: the shared database is left as if nothing was rolled up. */
  private void resetTheDailySums() {
    jdbc.update("delete from kpi_incident_day");
    jdbc.update("update kpi_rollup set watermark = null");
  }

  @Test
  void theKpisAreForTheStaffAndThePeriodMustMakeSense() {
    assertThat(client.get("requester", "/api/kpis").statusCode()).isEqualTo(403);
    assertThat(client.get("manager", "/api/kpis").statusCode()).as("this month").isEqualTo(200);
    assertThat(client.get("manager", "/api/kpis?from=2030-02-01&to=2030-01-01").statusCode()).isEqualTo(400);
    assertThat(client.get("manager", "/api/kpis?from=yesterday").statusCode()).isEqualTo(400);
  }

  @Test
  void responseAndResolutionTimesInTheServicesHoursStandBesideWallTime() throws Exception {
    String calendar = "k-" + prefix.substring(1).toLowerCase();
    List<String> nineToSix = List.of("09:00-18:00");
    steps.as("manager", () -> calendars.save(calendar, new CalendarInput("UTC", Map.of("MONDAY", nineToSix,
        "TUESDAY", nineToSix, "WEDNESDAY", nineToSix, "THURSDAY", nineToSix, "FRIDAY", nineToSix), null)));
    service = prefix + " payroll";
    catalog.publish(service, "gold", calendar);
    // reported on Friday 1 February 2030 at 17:00, taken on Monday at 10:00, resolved on Monday at 12:00
    incident("F", "P4", "2030-02-01T17:00:00Z", "2030-02-04T10:00:00Z", "2030-02-04T12:00:00Z", 0, false, false, 0);

    JsonNode incidents = JSON.readTree(client.get("manager", "/api/kpis?from=2030-02-01&to=2030-03-01&service="
        + service.replace(" ", "%20")).body()).path("incidents");

    assertThat(incidents.path("mttaMinutes").path("P4").asDouble()).isEqualTo(65 * 60.0);
    assertThat(incidents.path("mttaBusinessMinutes").path("P4").asDouble()).as("Fri 17-18, Mon 9-10")
        .isEqualTo(120.0);
    assertThat(incidents.path("mttrMinutes").path("P4").asDouble()).isEqualTo(67 * 60.0);
    assertThat(incidents.path("mttrBusinessMinutes").path("P4").asDouble()).isEqualTo(240.0);
  }

  private void incident(String id, String priority, String reported, String responded, String resolved, int paused,
      boolean responseBreached, boolean resolutionBreached, int reopens) {
    jdbc.update("insert into incident (number, title, impact, urgency, category, reporter, source, status, priority,"
        + " service, reported_at, responded_at, resolved_at, paused_seconds, response_breached, resolution_breached,"
        + " reopen_count, updated_at) values (?, 'Seeded', 'low', 'low', 'server', 'requester', 'test', ?, ?, ?, ?, ?,"
        + " ?, ?, ?, ?, ?, ?)", prefix + id, resolved == null ? "ASSIGNED" : "RESOLVED", priority, service,
        time(reported), time(responded), time(resolved), paused, responseBreached, resolutionBreached, reopens,
        time(reported));
  }

  private void problem(String id, String created, String rootCause, String fixed, boolean recurred, String closed,
      String... incidents) {
    jdbc.update("insert into problem (number, title, category, service, source, status, root_cause, raised_by,"
        + " created_at, root_cause_at, fixed_at, recurred_after_fix, updated_at, closed_at) values (?, 'Seeded',"
        + " 'server', ?, 'MANUAL', ?, 'Seeded cause', 'manager', ?, ?, ?, ?, ?, ?)", prefix + id, service,
        closed == null ? "WATCHING" : "CLOSED", time(created), time(rootCause), time(fixed), recurred, time(created),
        time(closed));
    for (String incident : incidents) {
      jdbc.update("insert into problem_incident (problem_number, incident_number, linked_by, linked_at) values (?, ?,"
          + " 'manager', ?)", prefix + id, prefix + incident, time(created));
    }
  }

  private void change(String id, String created, String classification, String closed, String outcome) {
    jdbc.update("insert into change_request (number, summary, reason, requested_type, impact, classification,"
        + " implementation_plan, planned_start, planned_end, requester, status, outcome, created_at, updated_at,"
        + " closed_at) values (?, 'Seeded', 'KPI', ?, 'low', ?, 'Plan', ?, ?, 'engineer', 'CLOSED', ?, ?, ?, ?)",
        prefix + id, classification, classification, time(created), time(closed), outcome, time(created),
        time(closed), time(closed));
    jdbc.update("insert into change_item (change_number, ci_id, ci_reference) select ?, id, ? from configuration_item"
        + " where name = ?", prefix + id, prefix + "@production", prefix);
  }

  private void demand(String id, String created, String delivered, int rounds) {
    jdbc.update("insert into demand (number, title, business_need, expected_benefit, requested_date, cost_band,"
        + " affected_services, requester, status, created_at, updated_at, closed_at) values (?, 'Seeded', 'Need',"
        + " 'Benefit', ?, 'small', ?, 'requester', 'DELIVERED', ?, ?, ?)", prefix + id,
        java.sql.Date.valueOf("2030-03-01"), "Other, " + service, time(created), time(delivered), time(delivered));
    jdbc.update("insert into demand_delivery (demand_number, acceptance_rounds) values (?, ?)", prefix + id, rounds);
  }

  private void drill(String id, String day, String result) {
    jdbc.update("insert into drill (number, plan_id, scenario, scheduled_for, status, result, started_by, created_at)"
        + " select ?, id, 'Seeded', ?, 'CLOSED', ?, 'engineer', ? from emergency_plan where name = ?", prefix + id,
        time(day), result, time(day), prefix);
  }

  private void survey(String id, int rating) {
    jdbc.update("insert into survey (number, token, record_number, title, respondent, service, created_at, expires_at,"
        + " answered_at, rating) values (?, ?, ?, 'Seeded', 'requester', ?, ?, ?, ?, ?)", prefix + id,
        UUID.randomUUID().toString(), prefix + id, service,
        time("2030-01-10T00:00:00Z"), time("2030-02-10T00:00:00Z"), time("2030-01-12T00:00:00Z"), rating);
  }

  private static Timestamp time(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }
}
