package org.itops.alert;

import org.itops.Daemons;
import org.itops.TestMail;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A real Prometheus Alertmanager (Debian's prometheus-alertmanager, on loopback) with a webhook receiver pointing
 * at the suite: an alert pushed into Alertmanager opens an incident; its resolution resolves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AlertmanagerIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private Process alertmanager;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anAlertPushedIntoAlertmanagerOpensAnIncidentAndItsResolutionResolvesIt() throws Exception {
    int alertmanagerPort = Daemons.freePort();
    start(alertmanagerPort);
    String alertname = "DiskFull" + UUID.randomUUID().toString().substring(0, 8);
    Instant startsAt = Instant.now().minusSeconds(5);

    push(alertmanagerPort, alertname, startsAt, Instant.now().plus(Duration.ofHours(1)));

    String incident = Daemons.eventually("the incident of " + alertname, () -> jdbc.queryForList(
        "select incident_number from alert where alert_name = ? and incident_number is not null", String.class,
        alertname));
    assertThat(jdbc.queryForObject("select source from incident where number = ?", String.class, incident))
        .isEqualTo("alert");

    push(alertmanagerPort, alertname, startsAt, Instant.now().minusSeconds(1));

    Daemons.eventually("the resolution of " + alertname, () -> jdbc.queryForList(
        "select number from incident where number = ? and alert_resolved_at is not null", String.class, incident));
    assertThat(jdbc.queryForObject("select status from alert where alert_name = ?", String.class, alertname))
        .isEqualTo("RESOLVED");
  }

  @AfterEach
  void stop() {
    if (alertmanager != null) {
      alertmanager.destroy();
    }
  }

  private void start(int alertmanagerPort) throws Exception {
    String binary =
        Daemons.binary("itops.it.alertmanager", "/usr/bin/prometheus-alertmanager", "prometheus-alertmanager");
    Path dir = Files.createTempDirectory("itops-alertmanager");
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, """
        route:
          receiver: itops
          group_by: [alertname]
          group_wait: 1s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: itops
            webhook_configs:
              - url: http://127.0.0.1:%d/api/alerts/alertmanager
                send_resolved: true
                http_config:
                  authorization:
                    type: Bearer
                    credentials: dev-monitoring-token
        """.formatted(port));
    alertmanager = Daemons.start(dir.resolve("alertmanager.log"), binary, "--config.file=" + config,
        "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + alertmanagerPort,
        "--cluster.listen-address=");
    Daemons.awaitReady("Alertmanager", "http://127.0.0.1:" + alertmanagerPort + "/-/ready");
  }

  /** What Prometheus does: post the alert to Alertmanager's API, with endsAt in the future while it fires. */
  private void push(int alertmanagerPort, String alertname, Instant startsAt, Instant endsAt) throws Exception {
    String alerts = """
        [{"labels": {"alertname": "%s", "severity": "critical", "env": "prod", "service": "storage",
          "instance": "files-02:9100"},
          "annotations": {"summary": "Disk /srv is 98%% full", "description": "Less than 2 GB left"},
          "startsAt": "%s", "endsAt": "%s", "generatorURL": "http://prometheus:9090/graph"}]"""
        .formatted(alertname, startsAt, endsAt);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(alerts)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

}
