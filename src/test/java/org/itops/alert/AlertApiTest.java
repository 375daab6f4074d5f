package org.itops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.itops.TestMail;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Alertmanager webhook over real HTTP, as Alertmanager calls it (bearer token of the monitoring user). */
@SuiteTest
class AlertApiTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The embedded default's token of the monitoring user (application.yaml). */
  private static final String TOKEN = "dev-monitoring-token";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aFiringAndThenResolvedAlertOpensAndResolvesItsIncident() throws Exception {
    String fingerprint = AlertHandlingTest.newFingerprint();

    HttpResponse<String> fired = post(webhook("firing", alert("firing", fingerprint, "critical")));
    assertThat(fired.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(fired.body()).path("alerts").get(0);
    assertThat(answer.path("result").asText()).isEqualTo("NEW");
    assertThat(answer.path("level").asText()).isEqualTo("incident");
    String incident = answer.path("incident").asText();
    assertThat(incident).matches("INC-\\d{6}");

    HttpResponse<String> resolved = post(webhook("resolved", alert("resolved", fingerprint, "critical")));
    assertThat(JSON.readTree(resolved.body()).path("alerts").get(0).path("result").asText()).isEqualTo("RESOLVED");
    assertThat(jdbc.queryForObject("select alert_resolved_at from incident where number = ?", java.sql.Timestamp.class,
        incident)).isNotNull();
    assertThat(client.get("desk", "/api/alerts/" + answer.path("alert").asText()).body()).contains("\"status\":\"RESOLVED\"");
  }

  @Test
  void onlyMonitoringSystemsPostAlerts() {
    String body = webhook("firing", alert("firing", AlertHandlingTest.newFingerprint(), "info"));

    assertThat(client.send(client.request(null, "/api/alerts/alertmanager").header("Authorization", "Bearer wrong")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))).statusCode())
        .isEqualTo(401);
    assertThat(client.postJson("requester", "/api/alerts/alertmanager", body).statusCode()).isEqualTo(403);
    assertThat(client.postJson("engineer", "/api/alerts/alertmanager", body).statusCode()).isEqualTo(403);
    assertThat(post(body).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"version\": \"4\", \"status\": \"firing\", \"alerts\": [",
      "{\"version\": \"3\", \"status\": \"firing\", \"alerts\": [ALERT]}",
      "{\"version\": \"4\", \"status\": \"firing\", \"alerts\": []}",
      "{\"version\": \"4\", \"status\": \"firing\"}",
      "{\"version\": \"4\", \"status\": \"burning\", \"alerts\": [ALERT]}",
      "{\"version\": \"4\", \"status\": \"firing\", \"alerts\": [{\"status\": \"firing\", \"labels\": {},"
          + " \"startsAt\": \"2026-01-01T00:00:00Z\", \"fingerprint\": \"abc\"}]}",
      "{\"version\": \"4\", \"status\": \"firing\", \"alerts\": [{\"status\": \"firing\", \"labels\": {\"severity\":"
          + " \"critical\"}, \"startsAt\": \"2026-01-01T00:00:00Z\", \"fingerprint\": \"abc\"}]}",
      "{\"version\": \"4\", \"status\": \"firing\", \"alerts\": [{\"status\": \"firing\", \"labels\": {\"alertname\":"
          + " \"X\"}, \"startsAt\": \"yesterday\", \"fingerprint\": \"abc\"}]}",
      "{\"version\": \"4\", \"status\": \"firing\", \"alerts\": [{\"status\": \"firing\", \"labels\": {\"alertname\":"
          + " \"X\"}, \"startsAt\": \"2026-01-01T00:00:00Z\"}]}"})
  void badInputGets400WithTheReasonAndCreatesNothing(String body) throws Exception {
    long before = jdbc.queryForObject("select count(*) from alert", Long.class);

    HttpResponse<String> refused = post(body.replace("ALERT", alert("firing", AlertHandlingTest.newFingerprint(), "info")));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("message").asText()).isNotBlank();
    assertThat(jdbc.queryForObject("select count(*) from alert", Long.class)).isEqualTo(before);
  }

  @Test
  void anOversizedBodyGets413() throws Exception {
    String huge = webhook("firing", alert("firing", "big", "info")).replace("Replica lags",
        "x".repeat(1_100_000));

    HttpResponse<String> refused = post(huge);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("larger than");
  }

  @Test
  void identicalWebhooksAtTheSameMomentOpenOneIncident() throws Exception {
    String body = webhook("firing", alert("firing", AlertHandlingTest.newFingerprint(), "critical"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<HttpResponse<String>> call = () -> post(body);
        sent.add(pool.submit(call));
      }
      List<String> incidents = new ArrayList<>();
      for (Future<HttpResponse<String>> response : sent) {
        assertThat(response.get().statusCode()).isEqualTo(200);
        incidents.add(JSON.readTree(response.get().body()).path("alerts").get(0).path("incident").asText());
      }
      assertThat(incidents).containsOnly(incidents.get(0));
      assertThat(jdbc.queryForObject("select count(*) from incident where number = ?", Long.class, incidents.get(0)))
          .isOne();
    } finally {
      pool.shutdownNow();
    }
  }

  private HttpResponse<String> post(String body) {
    return client.send(client.request(null, "/api/alerts/alertmanager").header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A webhook body exactly as Alertmanager 0.25 sends it. */
  static String webhook(String status, String... alerts) {
    return """
        {"receiver":"itops","status":"%s","alerts":[%s],
         "groupLabels":{"alertname":"PostgresReplicationLag"},
         "commonLabels":{"alertname":"PostgresReplicationLag","env":"prod"},
         "commonAnnotations":{"summary":"Replica lags"},
         "externalURL":"http://127.0.0.1:9093","version":"4","groupKey":"{}:{alertname=\\"PostgresReplicationLag\\"}",
         "truncatedAlerts":0}""".formatted(status, String.join(",", alerts));
  }

  static String alert(String status, String fingerprint, String severity) {
    return """
        {"status":"%s","labels":{"alertname":"PostgresReplicationLag","env":"prod","instance":"db-01:9100",
         "service":"postgres","severity":"%s"},"annotations":{"summary":"Replica lags",
         "description":"Replication lag above 10 minutes"},"startsAt":"2026-11-27T08:00:00.000Z",
         "endsAt":"%s","generatorURL":"http://prometheus:9090/graph?g0.expr=pg_lag","fingerprint":"%s"}"""
        .formatted(status, severity, "resolved".equals(status) ? "2026-11-27T08:30:00.000Z" : "0001-01-01T00:00:00Z",
            fingerprint);
  }
}
