package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.itops.Daemons;
import org.itops.TestMail;
import org.itops.catalog.CatalogScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Debian's Prometheus scrapes the suite on loopback as the monitoring user (bearer token), with the suite's alerting
 * rules (integrations/prometheus) loaded: after incidents are taken, resolved and breach their SLA, every query of the
 * Grafana dashboard (integrations/grafana/itops-kpis.json) answers data through Prometheus's HTTP API, and every rule
 * evaluates without error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PrometheusIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IncidentScenario scenario;
  @Autowired CatalogScenario catalog;

  private final HttpClient http = HttpClient.newHttpClient();
  private Process prometheus;
  private String api;

  @Test
  void everyQueryOfTheGrafanaDashboardAnswersDataAndEveryAlertingRuleEvaluates() throws Exception {
    start();
    catalog.publish("Prometheus " + java.util.UUID.randomUUID().toString().substring(0, 8), "gold"); // availability
    // increase() needs a counter that grows while Prometheus watches: the same events twice, a scrape apart
    incidentsTakenResolvedAndBreached();
    awaitSample("itops_incident_acknowledge_seconds_count{priority=\"P2\"} == 1");
    // the breach counter too: a series Prometheus first sees at its last value has one sample, and no increase()
    awaitSample("itops_incident_sla_breaches_total{kind=\"response\",priority=\"P2\"} == 1");
    incidentsTakenResolvedAndBreached();
    awaitSample("itops_incident_acknowledge_seconds_count{priority=\"P2\"} == 2");
    awaitSample("itops_incident_sla_breaches_total{kind=\"response\",priority=\"P2\"} == 2");

    List<String> queries = dashboardQueries();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(6);
    for (String query : queries) {
      JsonNode result = query(query.replace("$__range", "10m"));
      assertThat(result.path("status").asText()).as(query + ": " + result).isEqualTo("success");
      assertThat(result.path("data").path("result")).as("data of " + query).isNotEmpty();
      for (JsonNode series : result.path("data").path("result")) {
        assertThat(Double.parseDouble(series.path("value").get(1).asText())).as(query + " " + series).isFinite();
      }
    }
    JsonNode rules = get("/api/v1/rules").path("data").path("groups").get(0).path("rules");
    assertThat(rules).hasSize(4);
    for (JsonNode rule : rules) {
      assertThat(rule.path("health").asText()).as(rule.path("name").asText() + ": " + rule.path("lastError"))
          .isEqualTo("ok");
    }
  }

  @AfterEach
  void stop() {
    if (prometheus != null) {
      prometheus.destroy();
    }
  }

  /** One incident taken and resolved, one that misses its response target: both P2. */
  private void incidentsTakenResolvedAndBreached() {
    scenario.resolve(scenario.reportAndTake("high", "medium"));
    scenario.fire(scenario.report("high", "medium", "server"), "responseTargetMissed");
  }

  /**
   * Prometheus scraping the suite every second, as docs/kpis.md "KPIs, metrics" configures it, with the suite's rules.
   */
  private void start() throws IOException {
    String binary = Daemons.binary("itops.it.prometheus", "/usr/bin/prometheus", "prometheus");
    Path dir = Files.createTempDirectory("itops-prometheus");
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files:
          - %s
        scrape_configs:
          - job_name: itops
            metrics_path: /actuator/prometheus
            authorization:
              type: Bearer
              credentials: dev-monitoring-token
            static_configs:
              - targets: ['127.0.0.1:%d']
        """.formatted(Path.of("integrations/prometheus/itops-rules.yml").toAbsolutePath(), port));
    int prometheusPort = Daemons.freePort();
    api = "http://127.0.0.1:" + prometheusPort;
    prometheus = Daemons.start(dir.resolve("prometheus.log"), binary, "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort);
    Daemons.awaitReady("Prometheus", api + "/-/ready");
    awaitSample("up{job=\"itops\"} == 1");
  }

  private void awaitSample(String query) {
    Daemons.eventually("Prometheus to answer " + query, () -> {
      JsonNode result = query(query);
      return result.path("data").path("result").isEmpty() ? List.of() : List.of(result);
    });
  }

  /** The expr of every panel's targets. */
  private static List<String> dashboardQueries() throws IOException {
    List<String> queries = new ArrayList<>();
    for (JsonNode panel : JSON.readTree(Path.of("integrations/grafana/itops-kpis.json").toFile()).path("panels")) {
      panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
    }
    return queries;
  }

  private JsonNode query(String promql) {
    return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
