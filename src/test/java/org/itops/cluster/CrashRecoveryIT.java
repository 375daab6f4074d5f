package org.itops.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.itops.cluster.SuiteNode.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.itops.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the suite answered 2xx, it keeps through a crash (docs/production.md, "What a crash can lose"). The packaged
 * suite, in a JVM of its own, takes a burst of Alertmanager webhooks (critical: each opens an incident) and incident
 * reports with an Idempotency-Key from several threads; in the middle of it the suite is killed with SIGKILL and
 * started again on the same database, or its PostgreSQL is killed and started again while the suite runs on. Then every
 * request that was answered 2xx is there, and every request is sent again, twice: each finds its record (an answered
 * one the record of its answer) or creates it once, and the incidents are exactly one per request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int THREADS = 6;
  private static final int REQUESTS_PER_THREAD = 20;
  /** The crash comes after this many 2xx answers, with the burst well under way and far from its end. */
  private static final int ANSWERED_BEFORE_THE_CRASH = 40;

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp().withPerMethodLifecycle(false);

  private static KillablePostgres postgres;
  private static String databaseUrl;
  private static SuiteNode onPostgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = KillablePostgres.start();
    databaseUrl = postgres.createDatabase("itops");
  }

  @AfterAll
  static void stop() throws Exception {
    if (onPostgres != null) {
      onPostgres.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void whatTheSuiteAnsweredOnItsEmbeddedH2SurvivesAKillOfTheSuite(@TempDir Path directory) throws Exception {
    long incidentsBefore;
    List<Sent> burst;
    try (SuiteNode crashed = SuiteNode.startOnH2("crash-h2", directory, TestMail.SMTP_PORT)) {
      incidentsBefore = incidents(crashed);

      burst = burst(crashed, crashed::kill);
    }

    try (SuiteNode restarted = SuiteNode.startOnH2("crash-h2", directory, TestMail.SMTP_PORT)) {
      assertEveryAnsweredRequestIsKeptAndEveryRequestCreatedOnce(restarted, burst, incidentsBefore);
    }
  }

  @Test
  @Order(2)
  void whatTheSuiteAnsweredOnPostgresSurvivesAKillOfTheSuite() throws Exception {
    long incidentsBefore;
    List<Sent> burst;
    try (SuiteNode crashed = startOnPostgres()) {
      incidentsBefore = incidents(crashed);

      burst = burst(crashed, crashed::kill);
    }
    onPostgres = startOnPostgres();

    assertEveryAnsweredRequestIsKeptAndEveryRequestCreatedOnce(onPostgres, burst, incidentsBefore);
  }

  @Test
  @Order(3)
  void whatTheSuiteAnsweredSurvivesAKillOfPostgresAndTheSuiteRecoversByItself() throws Exception {
    long incidentsBefore = incidents(onPostgres);
    List<Sent> duringTheOutage = new ArrayList<>();

    List<Sent> burst = burst(onPostgres, () -> {
      postgres.kill();
      duringTheOutage.add(sendOnce(onPostgres, new Request("outage-" + UUID.randomUUID(), true)));
      assertThat(onPostgres.get("/actuator/health").statusCode()).as("health while PostgreSQL is down").isEqualTo(503);
      postgres.startAgain();
    });
    eventually("the suite to reconnect by itself", () -> onPostgres.get("/actuator/health").statusCode() == 200);

    assertThat(duringTheOutage).extracting(Sent::status).as("a webhook while PostgreSQL is down")
        .allMatch(status -> status / 100 == 5);
    assertThat(burst).extracting(Sent::status).as("what the burst was answered: no refusal, no silence")
        .allMatch(status -> status / 100 == 2 || status / 100 == 5);
    burst.addAll(duringTheOutage);
    assertEveryAnsweredRequestIsKeptAndEveryRequestCreatedOnce(onPostgres, burst, incidentsBefore);
  }

  /** An alert (by its fingerprint) or an incident report (by its Idempotency-Key), which may be sent again. */
  private record Request(String key, boolean alert) {

    HttpResponse<String> send(SuiteNode node) {
      return alert ? node.post("/api/alerts/alertmanager", webhook("firing", key, "critical"), true)
          : node.post("/api/incidents", """
              {"title": "Crash test %s", "impact": "medium", "urgency": "medium", "category": "network"}"""
              .formatted(key), key);
    }

    /** The incident of the answer: the one the alert opened, or the one reported. */
    String incident(HttpResponse<String> answer) throws IOException {
      JsonNode body = JSON.readTree(answer.body());
      return alert ? body.path("alerts").path(0).path("incident").asText() : body.path("number").asText();
    }

    /** Whether the answer found what an earlier sending created: a repeated alert, or a replayed report. */
    boolean foundEarlier(HttpResponse<String> answer) throws IOException {
      return alert ? "REPEATED".equals(JSON.readTree(answer.body()).path("alerts").path(0).path("result").asText())
          : "true".equals(answer.headers().firstValue("Idempotent-Replayed").orElse(null));
    }
  }

  /** A request of the burst and the status of its answer (0: none came) with its incident when it was 2xx. */
  private record Sent(Request request, int status, String incident) {
    boolean answered() {
      return status / 100 == 2;
    }
  }

  /** The action that crashes the suite or its database, in the middle of a burst. */
  private interface Crash {
    void now() throws Exception;
  }

  /**
   * Sends the requests from {@link #THREADS} threads and crashes the suite or its database once
   * {@link #ANSWERED_BEFORE_THE_CRASH} were answered 2xx. A thread whose request got no answer stops there: the
   * suite is gone. Answers what each request sent got.
   */
  private static List<Sent> burst(SuiteNode node, Crash crash) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> senders = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String thread = run + "-" + t;
        senders.add(threads.submit(() -> {
          for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
            Sent one = sendOnce(node, new Request(thread + "-" + i, i % 2 == 0));
            sent.add(one);
            if (one.status() == 0) {
              break;
            }
          }
          return null;
        }));
      }
      eventually("the first answers before the crash",
          () -> sent.stream().filter(Sent::answered).count() >= ANSWERED_BEFORE_THE_CRASH);
      crash.now();
      for (Future<?> sender : senders) {
        sender.get(3, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(sent).as("requests the crash cut off: it came in the middle of the burst")
        .anyMatch(one -> !one.answered());
    return new ArrayList<>(sent);
  }

  private static Sent sendOnce(SuiteNode node, Request request) throws IOException {
    HttpResponse<String> answer;
    try {
      answer = request.send(node);
    } catch (UncheckedIOException noAnswer) {
      return new Sent(request, 0, null);
    }
    int status = answer.statusCode();
    if (status / 100 != 2) {
      return new Sent(request, status, null);
    }
    String incident = request.incident(answer);
    // a 2xx must name its record: what came instead is what the failure has to show
    return new Sent(request, status, incident.isEmpty() ? "no record in " + answer.headers().map() + " "
        + answer.body() : incident);
  }

  private static void assertEveryAnsweredRequestIsKeptAndEveryRequestCreatedOnce(SuiteNode node, List<Sent> burst,
      long incidentsBefore) throws Exception {
    List<String> lost = new ArrayList<>();
    List<String> doubled = new ArrayList<>();
    for (Sent sent : burst) {
      Request request = sent.request();
      HttpResponse<String> retry = request.send(node);
      HttpResponse<String> again = request.send(node);
      assertThat(List.of(retry.statusCode(), again.statusCode())).as(retry.body() + " / " + again.body())
          .allMatch(status -> status / 100 == 2);
      String incident = request.incident(retry);
      if (sent.answered() && !(request.foundEarlier(retry) && incident.equals(sent.incident()))) {
        lost.add(request.key() + " answered " + sent.status() + " " + sent.incident() + ", now " + retry.body());
      }
      if (!request.foundEarlier(again) || !request.incident(again).equals(incident)) {
        doubled.add(request.key() + ": " + incident + ", then " + again.body());
      }
    }
    assertThat(lost).as("requests answered 2xx whose records are not there after the crash").isEmpty();
    assertThat(doubled).as("requests sent again that created their record again").isEmpty();
    assertThat(incidents(node)).as("one incident per request").isEqualTo(incidentsBefore + burst.size());
  }

  private static long incidents(SuiteNode node) throws IOException {
    HttpResponse<String> list = node.get("/api/incidents?size=1");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return JSON.readTree(list.body()).path("total").asLong();
  }

  private static SuiteNode startOnPostgres() throws Exception {
    // requests that find PostgreSQL down fail after 3 s instead of the pool's default 30 s, within the test's patience
    return SuiteNode.start("crash-postgres", databaseUrl, TestMail.SMTP_PORT,
        "--spring.datasource.hikari.connection-timeout=3000");
  }

  private static void eventually(String what, Callable<Boolean> condition) {
    await(what).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(condition);
  }
}
