package bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.itops.SuiteClient;
import org.itops.incident.IncidentReport;
import org.itops.incident.IncidentService;
import org.itops.platform.EnginesOwnQueries;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist with a large backlog: opens the given number of incidents (each waits at "Triage incident" for the
 * service desk), triages every tenth to the operations engineers (it waits at "Take incident"), writes the history of
 * a million ended incidents (PostgreSQL), and then, right after that burst of writes (no {@code ANALYZE}), times the
 * requests Tasklist itself sends for each of its three filters: the filter's first page, newest first, with the
 * variables of the task cards and the count beside the filter, from a session of the webapp as {@code desk} and as
 * {@code engineer}, with authorization on; then the heap in use.
 */
final class TaskQueryBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LOADERS = Integer.getInteger("bench.loaders", 4);
  private static final int SAMPLES = Integer.getInteger("bench.samples", 100);
  /** Samples of the engine's own task query, which takes seconds a request at 100,000 tasks. */
  private static final int ENGINE_SAMPLES = 30;
  /** Ended incidents written as history (PostgreSQL only): the suite's records and the engine's history of each. */
  private static final int ENDED = Integer.getInteger("bench.ended", 1_000_000);
  /** Every this many open incidents one is triaged to the operations engineers. */
  private static final int TRIAGED_EVERY = 10;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(Integer.getInteger("bench.request.timeout.seconds", 60));
  /** Tasklist 7.24's body for a filter's first page (its sorting as it sends it). */
  private static final String TASKLIST_PAGE = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

  static void run(String database, int openIncidents, Properties results) throws Exception {
    try (BenchSuite suite = BenchSuite.start(database)) {
      String prefix = "tasks." + database + ".";
      results.setProperty(prefix + "database", suite.database);
      results.setProperty(prefix + "heapAfterStartMiB", String.valueOf(heapInUseMiB()));
      long start = System.nanoTime();
      open(suite, openIncidents);
      double seconds = (System.nanoTime() - start) / 1e9;
      results.setProperty(prefix + "loadPerSecond", String.valueOf(openIncidents / seconds));
      triage(suite, openIncidents / TRIAGED_EVERY);
      TaskService tasks = suite.bean(TaskService.class);
      results.setProperty(prefix + "open", String.valueOf(tasks.createTaskQuery().taskDefinitionKey("triageIncident").count()));
      results.setProperty(prefix + "triaged", String.valueOf(tasks.createTaskQuery().taskDefinitionKey("takeIncident").count()));
      if (suite.postgres != null) {
        start = System.nanoTime();
        writeEndedIncidents(suite, ENDED);
        results.setProperty(prefix + "ended", String.valueOf(ENDED));
        System.out.printf(Locale.ROOT, "%d ended incidents written in %.0f s%n", ENDED, (System.nanoTime() - start) / 1e9);
      }
      int port = URI.create(suite.baseUrl).getPort();
      List<String> measured = new ArrayList<>();
      HttpRequest deskGroupsTasks = null;
      HttpClient deskBrowser = null;
      for (String user : List.of("desk", "engineer")) {
        SuiteClient.WebappSession tasklist = new SuiteClient(port).webappSession(user, user, "tasklist");
        if (tasklist.loginStatus() != 200) {
          throw new IllegalStateException(user + " could not log into Tasklist: " + tasklist.loginStatus());
        }
        for (Map.Entry<String, String> filter : filters(tasklist).entrySet()) {
          HttpRequest list = HttpRequest.newBuilder(URI.create(suite.baseUrl + "/camunda/api/engine/engine/default/filter/"
                  + filter.getValue() + "/list?firstResult=0&maxResults=15"))
              .timeout(REQUEST_TIMEOUT).header("Accept", "application/hal+json").header("Content-Type", "application/json")
              .header("X-XSRF-TOKEN", tasklist.csrf()).POST(HttpRequest.BodyPublishers.ofString(TASKLIST_PAGE)).build();
          String name = user + "." + filter.getKey().replace("'", "").replace(' ', '_');
          time(suite, tasklist.browser(), list, SAMPLES, name, prefix, results);
          results.setProperty(prefix + name + ".label", user + ", " + filter.getKey());
          if (name.equals("desk.My_groups_tasks")) {
            deskGroupsTasks = list;
            deskBrowser = tasklist.browser();
          }
          if (results.getProperty(prefix + name + ".timedOutAfterSeconds") == null) {
            results.setProperty(prefix + name + ".count", String.valueOf(count(tasklist.browser(), list)));
          }
          measured.add(name);
        }
      }
      results.setProperty(prefix + "requests", String.join(",", measured));
      // the same request with the engine's own queries (authorizations joined row by row), for the ratio
      HttpClient browser = deskBrowser;
      HttpRequest request = deskGroupsTasks;
      EnginesOwnQueries.run(suite.bean(ProcessEngineConfigurationImpl.class), () -> {
        time(suite, browser, request, ENGINE_SAMPLES, "desk.My_groups_tasks.engine", prefix, results);
        return null;
      });
      results.setProperty(prefix + "heapAfterLoadMiB", String.valueOf(heapInUseMiB()));
      // the embedded default's dev mail server keeps every mail in memory; production sends them away
      GreenMail devMail = suite.bean(GreenMail.class);
      results.setProperty(prefix + "devMails", String.valueOf(devMail.getManagers().getImapHostManager().getAllMessages().size()));
      devMail.purgeEmailFromAllMailboxes();
      results.setProperty(prefix + "heapWithoutDevMailMiB", String.valueOf(heapInUseMiB()));
    }
  }

  /** The task filters the user sees in Tasklist, by name, in the order Tasklist shows them. */
  private static Map<String, String> filters(SuiteClient.WebappSession tasklist) throws Exception {
    HttpResponse<String> response = tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task"
        + "&firstResult=0&maxResults=2000&itemCount=false");
    List<Map<String, Object>> filters = JSON.readValue(response.body(), new TypeReference<>() {});
    Map<String, String> byName = new LinkedHashMap<>();
    filters.stream().sorted(Comparator.comparingInt(filter -> ((Number) ((Map<?, ?>) filter.get("properties"))
        .get("priority")).intValue())).forEach(filter -> byName.put((String) filter.get("name"), (String) filter.get("id")));
    if (byName.size() != 3) {
      throw new IllegalStateException("Tasklist shows " + byName.keySet() + ", not the suite's three filters");
    }
    return byName;
  }

  /** The count Tasklist shows beside the filter: the list's {@code count}. */
  private static long count(HttpClient browser, HttpRequest list) throws Exception {
    return ((Number) JSON.readValue(browser.send(list, HttpResponse.BodyHandlers.ofString()).body(), Map.class)
        .get("count")).longValue();
  }

  /** Triages that many incidents as {@code desk} to the operations engineers, spread over the backlog. */
  private static void triage(BenchSuite suite, int count) {
    TaskService taskService = suite.bean(TaskService.class);
    IdentityService identityService = suite.bean(IdentityService.class);
    List<String> groups = identityService.createGroupQuery().groupMember("desk").list().stream().map(Group::getId).toList();
    List<Task> backlog = taskService.createTaskQuery().taskDefinitionKey("triageIncident").orderByTaskId().asc().list();
    identityService.setAuthentication("desk", groups);
    try {
      for (int i = 0; i < count && i * TRIAGED_EVERY < backlog.size(); i++) {
        String task = backlog.get(i * TRIAGED_EVERY).getId();
        Map<String, Object> form = new HashMap<>();
        form.put("priority", taskService.getVariable(task, "priority"));
        form.put("overrideReason", null);
        form.put("assignedGroup", "ops-engineers");
        taskService.claim(task, "desk");
        taskService.complete(task, form);
      }
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * The history of ended incidents, written by PostgreSQL itself: the suite's records ({@link
   * KpiBenchmark#insertIncidents}) and the engine's history of each: its process instance, its three tasks (triage,
   * take, work) and their candidate groups. (Their activity instances and variables, which no task query reads, are
   * left out: they would take an hour to write.)
   */
  private static void writeEndedIncidents(BenchSuite suite, int count) {
    JdbcTemplate jdbc = suite.bean(JdbcTemplate.class);
    KpiBenchmark.insertIncidents(jdbc, count, 0);
    String definition = suite.bean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey("incident-lifecycle").latestVersion().singleResult().getId();
    String ended = " from (select g, 'bench-' || g as pi, now() - g * interval '1 minute' as t"
        + " from generate_series(1, " + count + ") g) ended";
    jdbc.update("insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_,"
        + " start_time_, end_time_, duration_, start_user_id_, root_proc_inst_id_, state_)"
        + " select pi, pi, 'INC-K' || lpad(g::text, 8, '0'), 'incident-lifecycle', ?, t, t + interval '5 hours',"
        + " 18000000, 'requester', pi, 'COMPLETED'" + ended, definition);
    String[][] steps = {{"triageIncident", "Triage incident", "service-desk"},
        {"takeIncident", "Take incident", "ops-engineers"}, {"workOnIncident", "Work on incident", "ops-engineers"}};
    for (int step = 0; step < steps.length; step++) {
      String start = "t + interval '" + step + " hours'";
      jdbc.update("insert into act_hi_taskinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,"
          + " execution_id_, name_, assignee_, start_time_, end_time_, duration_, delete_reason_, task_def_key_,"
          + " priority_, task_state_) select pi || '-" + step + "', 'incident-lifecycle', ?, pi, pi, pi, ?,"
          + " case when ? = 'service-desk' then 'desk' else 'engineer' end, " + start + ", " + start
          + " + interval '50 minutes', 3000000, 'completed', ?, 25, 'Completed'" + ended,
          definition, steps[step][1], steps[step][2], steps[step][0]);
      jdbc.update("insert into act_hi_identitylink (id_, timestamp_, type_, group_id_, task_id_, proc_def_id_,"
          + " operation_type_, proc_def_key_, root_proc_inst_id_) select pi || '-c" + step + "', " + start
          + ", 'candidate', ?, pi || '-" + step + "', ?, 'add', 'incident-lifecycle', pi" + ended,
          steps[step][2], definition);
    }
    // no ANALYZE: the figures must hold right after a burst of writes too, before autovacuum has looked at them
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

  /**
   * Times the request, one after the other as one user clicking, the first tenth to warm up and not counted; one that
   * takes longer than {@code bench.request.timeout.seconds} ends the measurement of this kind of request (its figure
   * is "over the limit") and its statement is cancelled in PostgreSQL.
   */
  private static void time(BenchSuite suite, HttpClient http, HttpRequest request, int samples, String name,
      String prefix, Properties results) throws Exception {
    long[] millis = new long[samples];
    for (int i = -samples / 10; i < samples; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        cancelLongQueries(suite);
        results.setProperty(prefix + name + ".timedOutAfterSeconds", String.valueOf(REQUEST_TIMEOUT.toSeconds()));
        System.out.printf(Locale.ROOT, "%s: no answer within %d s (request %d); not measured further%n", name,
            REQUEST_TIMEOUT.toSeconds(), i + samples / 10 + 1);
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
      double ms = millis[Math.min(samples - 1, (int) Math.ceil(Integer.parseInt(p) / 100.0 * samples) - 1)] / 1e6;
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

  /** The heap in use after a full collection: what the suite keeps, not what it has yet to collect. */
  private static long heapInUseMiB() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  private TaskQueryBenchmark() {}
}
