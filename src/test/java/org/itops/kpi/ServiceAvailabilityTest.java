package org.itops.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
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
import org.itops.platform.SuiteTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The availability of services through the database (H2 and PostgreSQL): the incidents marked as outages of a
 * service, as the KPIs, the report page and Prometheus show them. The figures are worked out by hand in the comments;
 * the services (target 99.9 %) are new in each test, so other tests' incidents do not count.
 */
@SuiteTest
class ServiceAvailabilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Calendars calendars;
  @Autowired CatalogScenario catalog;
  @Autowired ProcessSteps steps;
  @Autowired AvailabilityMetrics metrics;
  @Autowired KpiService kpiService;
  @Autowired Clock clock;
  @Autowired SuiteTime time;
  SuiteClient client;
  String prefix;
  int incidents;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
    prefix = "A" + UUID.randomUUID().toString().substring(0, 6);
  }

  @Test
  void overlappingOutagesCountOnceAndOutagesAcrossTheMonthsAreSplit() throws Exception {
    String service = prefix + " web shop";
    catalog.publish(service, "gold");
    outage(service, true, "2025-03-10T10:00:00Z", "2025-03-10T12:00:00Z");  // 10:00-12:00
    outage(service, true, "2025-03-10T11:00:00Z", "2025-03-10T13:00:00Z");  // overlaps: 10:00-13:00, 180
    outage(service, false, "2025-03-15T00:00:00Z", "2025-03-16T00:00:00Z"); // not an outage: 0
    outage(service, true, "2025-02-28T23:30:00Z", "2025-03-01T01:00:00Z");  // 30 in February, 60 in March
    outage(service, true, "2025-03-31T23:30:00Z", "2025-04-01T00:30:00Z");  // 30 in March, 30 in April
    outage(prefix + " other", true, "2025-03-20T00:00:00Z", "2025-03-21T00:00:00Z"); // another service

    JsonNode march = availability(service, "2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z");
    JsonNode february = availability(service, "2025-02-01T00:00:00Z", "2025-03-01T00:00:00Z");

    assertThat(march.path("targetPercent").asDouble()).isEqualTo(99.9);
    assertThat(march.path("serviceMinutes").asLong()).isEqualTo(31 * 24 * 60);             // 44640
    assertThat(march.path("outageMinutes").asLong()).isEqualTo(270);                      // 180 + 60 + 30
    assertThat(march.path("ratio").asDouble()).isEqualTo(0.99395);                        // 1 - 270 / 44640
    assertThat(march.path("availabilityPercent").asDouble()).isEqualTo(99.395);
    assertThat(march.path("met").asBoolean()).isFalse();
    assertThat(february.path("outageMinutes").asLong()).isEqualTo(30);
    assertThat(february.path("availabilityPercent").asDouble()).isEqualTo(99.926);        // 1 - 30 / 40320
    assertThat(february.path("met").asBoolean()).isTrue();
    assertThat(KpiService.value(kpiService.of(Instant.parse("2025-03-01T00:00:00Z"),
        Instant.parse("2025-04-01T00:00:00Z"), service), "availability")).as("what an improvement measures")
        .isEqualTo(99.395);
  }

  @Test
  void onlyTheHoursOfServiceCount() throws Exception {
    String calendar = "a-" + prefix.substring(1).toLowerCase();
    List<String> nineToFive = List.of("09:00-17:00");
    steps.as("manager", () -> calendars.save(calendar, new CalendarInput("UTC", Map.of("MONDAY", nineToFive,
        "TUESDAY", nineToFive, "WEDNESDAY", nineToFive, "THURSDAY", nineToFive, "FRIDAY", nineToFive), null)));
    String service = prefix + " payroll";
    catalog.publish(service, "gold", calendar);
    outage(service, true, "2025-03-07T16:00:00Z", "2025-03-10T10:00:00Z"); // Friday 16-17, Monday 9-10: 120
    outage(service, true, "2025-03-11T20:00:00Z", "2025-03-11T23:00:00Z"); // Tuesday night: 0

    JsonNode march = availability(service, "2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z");

    assertThat(march.path("serviceMinutes").asLong()).isEqualTo(21 * 8 * 60);              // 21 weekdays: 10080
    assertThat(march.path("outageMinutes").asLong()).isEqualTo(120);
    assertThat(march.path("availabilityPercent").asDouble()).isEqualTo(98.81);             // 1 - 120 / 10080
    assertThat(march.path("met").asBoolean()).isFalse();
  }

  @Test
  void prometheusAndTheReportShowTheAvailability() throws Exception {
    String service = prefix + " mail";
    catalog.publish(service, "gold");
    Instant now = clock.instant();
    Instant monthStart = YearMonth.from(now.atZone(time.zone())).atDay(1).atStartOfDay(time.zone()).toInstant();
    // an hour down, the last of this month so far; and one still under way, from a minute ago
    Instant hourAgo = now.minus(Duration.ofHours(1)).isAfter(monthStart) ? now.minus(Duration.ofHours(1)) : monthStart;
    outage(service, true, hourAgo.toString(), now.minus(Duration.ofMinutes(1)).toString());
    outage(service, true, now.minus(Duration.ofMinutes(1)).toString(), null);
    double expected = 1 - (double) Duration.between(hourAgo, now).toMillis()
        / Duration.between(monthStart, now).toMillis();

    metrics.measure(now);
    String scraped = client.get("manager", "/actuator/prometheus").body();

    String line = scraped.lines().filter(l -> l.startsWith("itops_service_availability_ratio{")
        && l.contains("service=\"" + service + "\"")).findFirst().orElseThrow(() -> new AssertionError(
        "no gauge of " + service + " in\n" + scraped));
    assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .isCloseTo(expected, org.assertj.core.api.Assertions.within(0.00001));
    String report = client.get("manager", "/api/kpis/report?service=" + service.replace(" ", "%20")).body();
    assertThat(report).contains("<section id=\"availability\">").contains("Availability in the hours of service")
        .contains("<td>" + service + "</td><td>99.9 %</td>");
  }

  private JsonNode availability(String service, String from, String to) throws Exception {
    JsonNode kpis = JSON.readTree(client.get("manager", "/api/kpis?from=" + from + "&to=" + to + "&service="
        + service.replace(" ", "%20")).body());
    assertThat(kpis.path("availability")).as("the service's availability alone").hasSize(1);
    assertThat(kpis.path("availability").get(0).path("service").asText()).isEqualTo(service);
    return kpis.path("availability").get(0);
  }

  /** An incident of the service (marked as an outage or not) from the outage start to its resolution (null: open). */
  private void outage(String service, boolean outage, String start, String resolved) {
    jdbc.update("insert into incident (number, title, impact, urgency, category, reporter, source, status, priority,"
        + " major, outage, outage_start, service, reported_at, resolved_at, updated_at) values (?, 'Seeded', 'high',"
        + " 'high', 'server', 'requester', 'test', ?, 'P1', ?, ?, ?, ?, ?, ?, ?)", prefix + (incidents++),
        resolved == null ? "IN_PROGRESS" : "RESOLVED", outage, outage, time(start), service, time(start),
        time(resolved), time(start));
  }

  private static Timestamp time(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }
}
