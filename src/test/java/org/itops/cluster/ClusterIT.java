package org.itops.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.itops.cluster.SuiteNode.fingerprint;
import static org.itops.cluster.SuiteNode.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.itops.TestMail;
import org.itops.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes of the suite (two JVMs of the packaged jar, profiles prod and postgres) on one PostgreSQL database, as
 * Camunda 7 scales: the same alert on both nodes is one incident, a resolution on the other node reaches it, every
 * job and timer runs once, and a node that dies in the middle of a job leaves it to the other node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp()
      .withPerMethodLifecycle(false);

  private static StallingSmtp relay;
  private static String databaseUrl;
  private static JdbcTemplate jdbc;
  private static SuiteNode nodeA;
  private static SuiteNode nodeB;

  @BeforeAll
  static void startCluster() throws Exception {
    relay = new StallingSmtp(TestMail.SMTP_PORT);
    databaseUrl = TestDatabase.newPostgresDatabase();
    jdbc = new JdbcTemplate(new DriverManagerDataSource(databaseUrl, "postgres", "postgres"));
    // one node first: it creates the schemas; then the second joins, as in production
    nodeA = SuiteNode.start("node-a", databaseUrl, relay.port());
    nodeB = SuiteNode.start("node-b", databaseUrl, relay.port());
    createUser("oncall", "ops-engineers");
    createUser("boss", "it-managers");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (SuiteNode node : new SuiteNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    relay.close();
  }

  @Test
  @Order(1)
  void anAlertFromOneNodeAndItsResolutionThroughTheOtherReachTheSameIncident() throws Exception {
    String fingerprint = fingerprint();

    String incident = alertAnswer(nodeA.post("/api/alerts/alertmanager", webhook("firing", fingerprint, "critical"),
        true)).path("incident").asText();
    JsonNode resolved = alertAnswer(nodeB.post("/api/alerts/alertmanager", webhook("resolved", fingerprint, "critical"),
        true));

    assertThat(incident).matches("INC-\\d{6}");
    assertThat(resolved.path("incident").asText()).isEqualTo(incident);
    assertThat(jdbc.queryForObject("select alert_resolved_at is not null from incident where number = ?",
        Boolean.class, incident)).isTrue();
  }

  @Test
  @Order(2)
  void theSameAlertOnBothNodesAtOnceOpensOneIncident() throws Exception {
    String body = webhook("firing", fingerprint(), "critical");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        SuiteNode node = i % 2 == 0 ? nodeA : nodeB;
        Callable<HttpResponse<String>> post = () -> node.post("/api/alerts/alertmanager", body, true);
        sent.add(pool.submit(post));
      }
      List<String> incidents = new ArrayList<>();
      for (Future<HttpResponse<String>> response : sent) {
        incidents.add(alertAnswer(response.get()).path("incident").asText());
      }
      assertThat(incidents).containsOnly(incidents.get(0));
      assertThat(jdbc.queryForObject("select count(*) from incident where number = ?", Long.class, incidents.get(0)))
          .isOne();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Order(3)
  void everyMailJobAndEveryTimerRunsExactlyOnce() throws Exception {
    List<String> alerts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      SuiteNode node = i % 2 == 0 ? nodeA : nodeB;
      alerts.add(alertAnswer(node.post("/api/alerts/alertmanager", webhook("firing", fingerprint(), "warning"), true))
          .path("alert").asText());
    }
    List<String> incidents = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      incidents.add(alertAnswer(nodeA.post("/api/alerts/alertmanager", webhook("firing", fingerprint(), "critical"),
          true)).path("incident").asText());
    }
    for (int i = 0; i < incidents.size(); i++) {
      makeResponseTimerDue(i % 2 == 0 ? nodeA : nodeB, incidents.get(i));
    }

    eventually("the 30 alert mails", () -> mailsOf("alert-firing", alerts) == 30);
    // a mail per recipient: the breach goes to it-managers (boss) and the incident's group (oncall)
    eventually("the 10 response breaches and their mails", () -> mailsOf("incident-response-breached", incidents) == 20);
    for (String alert : alerts) {
      assertThat(jdbc.queryForObject("select count(*) from notification_log where record_number = ?", Long.class, alert))
          .as(alert).isOne();
    }
    for (String incident : incidents) {
      assertThat(jdbc.queryForObject("select count(*) from record_event where record_number = ?"
          + " and type = 'RESPONSE_BREACH'", Long.class, incident)).as(incident).isOne();
      assertThat(jdbc.queryForList("select recipients from notification_log where record_number = ?"
          + " and template = 'incident-response-breached'", String.class, incident)).as(incident)
          .containsExactlyInAnyOrder("boss@cluster.test", "oncall@cluster.test");
    }
    assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Long.class)).isZero();
  }

  @Test
  @Order(4)
  void aNodeThatDiesInTheMiddleOfAJobLeavesItToTheOtherNode() throws Exception {
    nodeB.close();
    relay.stall(true);
    String alert = alertAnswer(nodeA.post("/api/alerts/alertmanager", webhook("firing", fingerprint(), "warning"), true))
        .path("alert").asText();
    eventually("node A to hang in the mail job", () -> relay.stalledConnections() > 0);

    nodeA.kill();
    relay.stall(false);
    nodeB = SuiteNode.start("node-b", databaseUrl, relay.port());

    eventually("node B to send the mail once node A's lock expired", () -> mailsOf("alert-firing", List.of(alert)) == 1);
    await("the mail to stay sent once").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> mailsOf("alert-firing", List.of(alert)) == 1);
    assertThat(jdbc.queryForObject("select count(*) from notification_log where record_number = ?", Long.class, alert))
        .isOne();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_job j join act_ru_execution e"
        + " on j.process_instance_id_ = e.proc_inst_id_ where e.business_key_ = ?", Long.class, alert)).isZero();
  }

  private static void createUser(String id, String group) {
    HttpResponse<String> created = nodeA.post("/engine-rest/user/create", """
        {"profile": {"id": "%s", "firstName": "%s", "lastName": "Cluster", "email": "%s@cluster.test"},
         "credentials": {"password": "Violet-Orbit-Lantern-42!"}}""".formatted(id, id, id), false);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    assertThat(nodeA.put("/engine-rest/group/" + group + "/members/" + id, "{}").statusCode()).isEqualTo(204);
  }

  private static void makeResponseTimerDue(SuiteNode node, String incident) throws Exception {
    JsonNode instances = JSON.readTree(node.get("/engine-rest/process-instance?businessKey=" + incident
        + "&processDefinitionKey=incident-lifecycle&maxResults=10").body());
    String instanceId = instances.get(0).path("id").asText();
    JsonNode jobs = JSON.readTree(node.get("/engine-rest/job?activityId=responseTargetMissed&maxResults=10"
        + "&processInstanceId=" + instanceId).body());
    HttpResponse<String> due = node.put("/engine-rest/job/" + jobs.get(0).path("id").asText() + "/duedate",
        "{\"duedate\": \"2020-01-01T00:00:00.000+0000\"}");
    assertThat(due.statusCode()).as(due.body()).isEqualTo(204);
  }

  private static long mailsOf(String template, List<String> records) {
    return records.stream().mapToLong(record -> jdbc.queryForObject("select count(*) from notification_log"
        + " where template = ? and record_number = ?", Long.class, template, record)).sum();
  }

  private static JsonNode alertAnswer(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("alerts").get(0);
  }

  private static void eventually(String what, Callable<Boolean> condition) {
    await(what).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(condition);
  }

}
