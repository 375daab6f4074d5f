package org.itops.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The KPIs and metrics count incidents, changes, demands, drills and survey answers; with a narrow period or a service
 * they show a single record's figures. So they are for those who read every record of each kind they count
 * (docs/security.md, "Who may do what"), and the metrics also for monitoring systems: whoever reads only some incidents
 * gets 403.
 */
@SuiteTest
class AUserWhoDoesNotReadEveryIncidentCannotReadTheKpisOrMetrics {

  /** Users who do not read every incident (they do not watch incident-lifecycle). */
  private static final List<String> OUTSIDERS = List.of("changemgr", "cab1", "secops", "requester");
  /** Users who read every record the KPIs count. */
  private static final List<String> READERS = List.of("desk", "engineer", "owner", "manager", "modeler", "demo");
  private static final List<String> PATHS = List.of("/api/kpis?from=2031-01-01&to=2031-01-02&service=Payroll",
      "/api/kpis/report", "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/itops.incidents.open");

  @LocalServerPort int port;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void notTheKpisNorTheMetrics() {
    for (String outsider : OUTSIDERS) {
      for (String path : PATHS) {
        var refused = client.get(outsider, path);
        assertThat(refused.statusCode()).as(outsider + " " + path).isEqualTo(403);
        assertThat(refused.body()).as(outsider + " " + path).doesNotContain("itops_incidents_open")
            .doesNotContain("mttr");
      }
    }
    for (String reader : READERS) {
      for (String path : PATHS) {
        assertThat(client.get(reader, path).statusCode()).as(reader + " " + path).isEqualTo(200);
      }
    }
  }

  @Test
  void monitoringSystemsScrapeTheMetricsButReadNoKpis() {
    assertThat(monitoring("/actuator/prometheus")).isEqualTo(200);
    assertThat(monitoring("/api/kpis")).isEqualTo(403);
  }

  @Test
  void theHealthProbeStaysOpen() {
    assertThat(client.get(null, "/actuator/health").statusCode()).isEqualTo(200);
    assertThat(client.get("requester", "/actuator/health").statusCode()).isEqualTo(200);
  }

  private int monitoring(String path) {
    return client.send(client.request(null, path).header("Authorization", "Bearer dev-monitoring-token").GET())
        .statusCode();
  }
}
