package bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;

/**
 * Incidents end to end, as many as the machine completes: each simulated reporter starts an incident over HTTP as
 * {@code requester}, then {@code desk} triages, {@code engineer} takes and resolves, and {@code requester}
 * confirms, through the Java API with authorization checks; the assignment and resolution mails go through the
 * job executor to the dev mail server. The same people drive the no-op process of the same shape.
 */
final class LifecycleBenchmark {

  private static final int WORKERS = Integer.getInteger("bench.workers", 8);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup.seconds", 60);
  private static final int WINDOW_SECONDS = Integer.getInteger("bench.window.seconds", 20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BenchSuite suite;
  private final People people;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger noopNumbers = new AtomicInteger();
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
  private double lastCpuMillisPerIncident;
  private double lastCpuUse;

  /** The processes measured: how an incident of each starts. */
  enum Process {
    SUITE("suite's incident-lifecycle"),
    NOOP("no-op process, same shape"),
    /** The twin started with the variables the suite's incident keeps beyond the twin's: what that data costs. */
    NOOP_WITH_DATA("no-op with the suite's data");

    final String label;

    Process(String label) {
      this.label = label;
    }
  }

  LifecycleBenchmark(BenchSuite suite) {
    this.suite = suite;
    this.people = new People(suite);
  }

  /** Measures both processes in alternating rounds on one database; writes the figures to the results. */
  static void run(String database, Properties results) throws Exception {
    try (BenchSuite suite = BenchSuite.start(database)) {
      NoopIncidentProcess.deploy(suite.bean(RepositoryService.class), suite.bean(AuthorizationService.class));
      LifecycleBenchmark benchmark = new LifecycleBenchmark(suite);
      String prefix = "lifecycle." + database + ".";
      results.setProperty(prefix + "database", suite.database);
      // the JIT compiler first: on 2 busy cores it takes minutes to settle
      for (Process process : measured()) {
        benchmark.measure(process, WARMUP_SECONDS);
      }
      for (int round = 1; round <= ROUNDS; round++) {
        // -Dbench.commits=both: each round with the suite's commits, then again the other way ("other." figures)
        for (boolean durable : Commits.modes()) {
          String mode = "";
          if (Commits.BOTH) {
            Commits.apply(suite.bean(DataSource.class), durable);
            mode = durable ? "" : "other.";
          }
          for (Process process : measured()) {
            double rate = benchmark.measure(process, WINDOW_SECONDS);
            System.out.printf(Locale.ROOT, "%s round %d, %s, %s: %.1f incidents/s, %.0f ms CPU per incident, CPU %.0f%% busy%n",
                database, round, Commits.describe(durable), process, rate, benchmark.lastCpuMillisPerIncident,
                benchmark.lastCpuUse * 100);
            String name = mode + process.name().toLowerCase(Locale.ROOT);
            results.setProperty(prefix + name + "." + round, String.valueOf(rate));
            results.setProperty(prefix + "cpu." + name + "." + round, String.valueOf(benchmark.lastCpuMillisPerIncident));
            results.setProperty(prefix + "busy." + name + "." + round, String.valueOf(benchmark.lastCpuUse));
          }
        }
        System.out.printf(Locale.ROOT, "%s after round %d: %s%n", database, round, Growth.of(suite));
      }
    }
  }

  /**
   * The suite and its twin, or those {@code -Dbench.process} names (one, to profile it without the others' samples;
   * or a list such as {@code SUITE,NOOP,NOOP_WITH_DATA}).
   */
  static List<Process> measured() {
    String named = System.getProperty("bench.process");
    return named == null ? List.of(Process.SUITE, Process.NOOP)
        : Arrays.stream(named.split(",")).map(String::trim).map(Process::valueOf).toList();
  }

  /** Runs the workers for the window (after a short ramp-up); answers the completed incidents per second. */
  private double measure(Process process, int windowSeconds) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger completed = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      Thread worker = new Thread(() -> {
        while (!stop.get() && failure.get() == null) {
          try {
            oneIncident(process);
            completed.incrementAndGet();
          } catch (Exception e) {
            failure.compareAndSet(null, e);
          }
        }
      });
      worker.start();
      workers.add(worker);
    }
    Thread.sleep(3000);
    int before = completed.get();
    long start = System.nanoTime();
    long cpuBefore = CPU.getProcessCpuTime();
    Thread.sleep(windowSeconds * 1000L);
    int done = completed.get() - before;
    double seconds = (System.nanoTime() - start) / 1e9;
    lastCpuMillisPerIncident = (CPU.getProcessCpuTime() - cpuBefore) / 1e6 / done;
    lastCpuUse = (CPU.getProcessCpuTime() - cpuBefore) / 1e9 / seconds / CPU.getAvailableProcessors();
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("An incident of " + process + " failed", failure.get());
    }
    return done / seconds;
  }

  void oneIncident(Process process) throws Exception {
    String number = process == Process.SUITE ? reportOverApi() : startNoopOverRest(process == Process.NOOP_WITH_DATA);
    people.resolveIncident(number);
    people.confirmResolution(number, "requester");
  }

  String reportOverApi() throws Exception {
    String body = """
        {"title":"Mail server down","description":"Nobody receives mail","impact":"low","urgency":"low",
         "category":"server","configurationItem":"mail-01"}""";
    return (String) JSON.readValue(post("requester", "/api/incidents", body, 201), Map.class).get("number");
  }

  private String startNoopOverRest(boolean withTheSuitesData) throws Exception {
    String number = "NOOP-" + noopNumbers.incrementAndGet();
    Map<String, Object> variables = new HashMap<>();
    SimpleDateFormat restDate = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);
    Map<String, Object> start = NoopIncidentProcess.startVariables(number);
    if (withTheSuitesData) {
      start.putAll(NoopIncidentProcess.theSuitesData());
    }
    start.forEach((name, value) -> variables.put(name, value instanceof Date date
        ? Map.of("value", restDate.format(date), "type", "Date") : Map.of("value", value)));
    // an administrator's start: the twin has neither the start form nor the register step that numbers a record
    post("demo", "/engine-rest/process-definition/key/" + NoopIncidentProcess.KEY + "/start",
        JSON.writeValueAsString(Map.of("businessKey", number, "variables", variables)), 200);
    return number;
  }

  private String post(String user, String path, String body, int expectedStatus) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(suite.baseUrl + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
