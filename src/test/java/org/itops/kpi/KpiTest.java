package org.itops.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
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
  }

  @Test
  void theKpisAreForTheStaffAndThePeriodMustMakeSense() {
    assertThat(client.get("requester", "/api/kpis").statusCode()).isEqualTo(403);
    assertThat(client.get("manager", "/api/kpis").statusCode()).as("this month").isEqualTo(200);
    assertThat(client.get("manager", "/api/kpis?from=2030-02-01&to=2030-01-01").statusCode()).isEqualTo(400);
    assertThat(client.get("manager", "/api/kpis?from=yesterday").statusCode()).isEqualTo(400);
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
