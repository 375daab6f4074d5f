package bench;

import com.icegreen.greenmail.util.GreenMail;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.itops.incident.IncidentReport;
import org.itops.incident.IncidentService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist with a large backlog: opens the given number of incidents (each waits at "Triage incident" for the
 * service desk), then times the first page of the service desk's tasks as Tasklist asks for it, over HTTP as
 * {@code desk}, with authorization on; then the heap in use.
 */
final class TaskQueryBenchmark {

  private static final int LOADERS = Integer.getInteger("bench.loaders", 4);
  private static final int SAMPLES = Integer.getInteger("bench.samples", 300);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(Integer.getInteger("bench.request.timeout.seconds", 60));

  static void run(String database, int openIncidents, Properties results) throws Exception {
    try (BenchSuite suite = BenchSuite.start(database)) {
      String prefix = "tasks." + database + ".";
      results.setProperty(prefix + "database", suite.database);
      results.setProperty(prefix + "heapAfterStartMiB", String.valueOf(heapInUseMiB()));
      long start = System.nanoTime();
      open(suite, openIncidents);
      double seconds = (System.nanoTime() - start) / 1e9;
      results.setProperty(prefix + "open", String.valueOf(suite.bean(TaskService.class).createTaskQuery()
          .taskDefinitionKey("triageIncident").count()));
      results.setProperty(prefix + "loadPerSecond", String.valueOf(openIncidents / seconds));

      String filterId = suite.bean(FilterService.class).createFilterQuery().filterName("My groups' tasks").singleResult().getId();
      List<String> deskGroups = suite.bean(IdentityService.class).createGroupQuery().groupMember("desk").list().stream()
          .map(Group::getId).toList();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String page = "firstResult=0&maxResults=15";
      HttpRequest taskQuery = request(suite, "/engine-rest/task?candidateGroups=" + String.join(",", deskGroups)
          + "&sortBy=created&sortOrder=desc&" + page).GET().build();
      // what Tasklist itself sends for a filter: the filter's query, sorted, with variables and identity links (HAL)
      HttpRequest filterList = request(suite, "/engine-rest/filter/" + filterId + "/list?" + page)
          .header("Accept", "application/hal+json").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}")).build();
      HttpRequest filterCount = request(suite, "/engine-rest/filter/" + filterId + "/count").GET().build();
      time(suite, http, taskQuery, "taskQuery", prefix, results);
      time(suite, http, filterList, "filterList", prefix, results);
      time(suite, http, filterCount, "filterCount", prefix, results);
      results.setProperty(prefix + "heapAfterLoadMiB", String.valueOf(heapInUseMiB()));
      // the embedded default's dev mail server keeps every mail in memory; production sends them away
      GreenMail devMail = suite.bean(GreenMail.class);
      results.setProperty(prefix + "devMails", String.valueOf(devMail.getManagers().getImapHostManager().getAllMessages().size()));
      devMail.purgeEmailFromAllMailboxes();
      results.setProperty(prefix + "heapWithoutDevMailMiB", String.valueOf(heapInUseMiB()));
    }
  }

  /** Opens the incidents through the suite's own service, several at a time, as {@code requester}. */
  private static void open(BenchSuite suite, int count) throws InterruptedException {
    IncidentService incidents = suite.bean(IncidentService.class);
    IdentityService identityService = suite.bean(IdentityService.class);
    List<String> groups = identityService.createGroupQuery().groupMember("requester").list().stream().map(Group::getId).toList();
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Thread> loaders = new ArrayList<>();
    for (int i = 0; i < LOADERS; i++) {
      Thread loader = new Thread(() -> {
        identityService.setAuthentication("requester", groups);
        int n;
        while ((n = next.incrementAndGet()) <= count && failure.get() == null) {
          try {
            // low impact and urgency: P4, whose response target is days away, so no SLA timer fires meanwhile
            incidents.report(new IncidentReport("Printer " + n + " jams", "Paper jam on every page", "low", "low",
                "workplace", "printer-" + n, null, null, null), "api");
          } catch (Exception e) {
            failure.compareAndSet(null, e);
          }
          if (n % 10_000 == 0) {
            System.out.println(n + " incidents open");
          }
        }
        identityService.clearAuthentication();
      });
      loader.start();
      loaders.add(loader);
    }
    for (Thread loader : loaders) {
      loader.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("Opening the incidents failed", failure.get());
    }
  }

  /** One request after the other, as one user clicking; the first tenth warms up and is not counted. */
  /**
   * Times the request; one that takes longer than {@code bench.request.timeout.seconds} ends the measurement of this
   * kind of request (its figure is "over the limit") and its statement is cancelled in PostgreSQL.
   */
  private static void time(BenchSuite suite, HttpClient http, HttpRequest request, String name, String prefix,
      Properties results) throws Exception {
    long[] millis = new long[SAMPLES];
    for (int i = -SAMPLES / 10; i < SAMPLES; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        cancelLongQueries(suite);
        results.setProperty(prefix + name + ".timedOutAfterSeconds", String.valueOf(REQUEST_TIMEOUT.toSeconds()));
        System.out.printf(Locale.ROOT, "%s: no answer within %d s (request %d); not measured further%n", name,
            REQUEST_TIMEOUT.toSeconds(), i + SAMPLES / 10 + 1);
        return;
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + response.body());
      }
      if (i >= 0) {
        millis[i] = System.nanoTime() - start;
      }
    }
    Arrays.sort(millis);
    for (String p : List.of("50", "95", "99")) {
      double ms = millis[Math.min(SAMPLES - 1, (int) Math.ceil(Integer.parseInt(p) / 100.0 * SAMPLES) - 1)] / 1e6;
      results.setProperty(prefix + name + ".p" + p, String.format(Locale.ROOT, "%.1f", ms));
    }
    System.out.printf(Locale.ROOT, "%s: p50 %s ms, p95 %s ms%n", name, results.get(prefix + name + ".p50"),
        results.get(prefix + name + ".p95"));
  }

  /** The statement of an abandoned request would go on using the cores: cancelled, as an administrator would. */
  private static void cancelLongQueries(BenchSuite suite) {
    if (suite.postgres != null) {
      suite.bean(JdbcTemplate.class).queryForList("select pg_cancel_backend(pid) from pg_stat_activity"
          + " where state = 'active' and pid <> pg_backend_pid() and now() - query_start > interval '5 seconds'");
    }
  }


  private static HttpRequest.Builder request(BenchSuite suite, String path) {
    return HttpRequest.newBuilder(URI.create(suite.baseUrl + path)).timeout(REQUEST_TIMEOUT).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString("desk:desk".getBytes(StandardCharsets.UTF_8)));
  }

  /** The heap in use after a full collection: what the suite keeps, not what it has yet to collect. */
  private static long heapInUseMiB() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  private TaskQueryBenchmark() {}
}
