package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.catalog.CatalogScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * /actuator/prometheus as Prometheus reads it: the incident metrics move with the incidents, and every metric the
 * Grafana dashboard (integrations/grafana) and the alerting rules (integrations/prometheus) ask for is there.
 */
@SuiteTest
class MetricsTest {

  private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(\\{[^}]*})? (\\S+)$");
  private static final Pattern DASHBOARD_METRIC = Pattern.compile("itops_[a-z_]+");

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired IncidentScenario scenario;
  @Autowired CatalogScenario catalog;

  @Test
  void theIncidentMetricsMoveWithTheIncidentsAndTheDashboardAndRulesFindEachOfTheirMetrics() throws Exception {
    // a service with an availability target has its gauge from its publication on
    String service = "Metrics " + java.util.UUID.randomUUID().toString().substring(0, 8);
    catalog.publish(service, "gold");
    Map<String, Double> before = scrape();
    String number = scenario.reportAndTake("high", "medium");
    scenario.resolve(number);
    String breached = scenario.report("high", "medium", "server");
    scenario.fire(breached, "responseTargetMissed");
    Map<String, Double> after = scrape();

    assertThat(delta(before, after, "itops_incident_acknowledge_seconds_count{application=\"itops-process-suite\","
        + "priority=\"P2\"}")).isEqualTo(1);
    assertThat(delta(before, after, "itops_incident_resolve_seconds_count{application=\"itops-process-suite\","
        + "priority=\"P2\"}")).isEqualTo(1);
    assertThat(delta(before, after, "itops_incident_sla_breaches_total{application=\"itops-process-suite\","
        + "kind=\"response\",priority=\"P2\"}")).isEqualTo(1);
    assertThat(after.get("itops_incidents_open{application=\"itops-process-suite\",priority=\"P2\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(after.get("itops_service_availability_ratio{application=\"itops-process-suite\",service=\"" + service
        + "\"}")).as("no outage this month").isEqualTo(1.0);

    Set<String> used = new TreeSet<>();
    Matcher names = DASHBOARD_METRIC.matcher(Files.readString(Path.of("integrations/grafana/itops-kpis.json"))
        + Files.readString(Path.of("integrations/prometheus/itops-rules.yml")));
    while (names.find()) {
      used.add(names.group());
    }
    Set<String> exported = new TreeSet<>();
    after.keySet().forEach(sample -> exported.add(sample.replaceFirst("\\{.*", "")));
    assertThat(used).isNotEmpty();
    assertThat(exported).containsAll(used);
  }

  /** Every sample of the exposition format, by name and labels. */
  private Map<String, Double> scrape() {
    var response = new SuiteClient(port).get("demo", "/actuator/prometheus");
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Double> samples = new HashMap<>();
    for (String line : response.body().lines().toList()) {
      Matcher sample = SAMPLE.matcher(line);
      if (!line.startsWith("#") && sample.matches()) {
        samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
            Double.parseDouble(sample.group(3)));
      }
    }
    return samples;
  }

  private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
    assertThat(after).as(sample).containsKey(sample);
    return after.get(sample) - before.getOrDefault(sample, 0.0);
  }
}
