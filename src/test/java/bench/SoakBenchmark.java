package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.itops.knowledge.KnowledgeService;
import org.itops.survey.SurveyService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The soak (issue 23, item 5; figures and chart in docs/benchmarks.md): the suite under a steady mixed load for half
 * an hour, sampled every half minute for what would show a leak or a backlog, and drawn as a PNG chart.
 *
 * <p>The mix, at one unit per second ({@link Kind}): incidents reported over the API and worked through every step
 * to the requester's answered survey, critical alerts whose incidents the people work while the alert resolves,
 * warnings that notify and resolve half a minute later, repeats of firing alerts, standard changes from their
 * configuration item to the verified change (the window opens by the engine's timer), and knowledge searches over
 * {@code bench.articles} articles. Each kind starts on a schedule whatever the earlier ones do (open loop).
 *
 * <p>After a warm-up, a ramp finds the sustained load: levels of {@code bench.ramp.levels} units per second for {@code
 * bench.ramp.seconds} each, until a level fails a request, leaves a tenth of its incidents unfinished, or answers a
 * kind of request with p99 of a second or more. Then the soak runs at half the last sustained level for {@code
 * bench.soak.minutes}; {@code -Dbench.soak.rate} skips the ramp.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=bench.SoakBenchmark}
 * (PostgreSQL, embedded; {@code -Dbench.database=h2} for the embedded default). Writes {@code
 * target/benchmarks/soak.csv} and {@code target/benchmarks/soak.png}.
 */
public final class SoakBenchmark {

  private static final String DATABASE = System.getProperty("bench.database", "postgres");
  private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup.seconds", 90);
  private static final int RAMP_SECONDS = Integer.getInteger("bench.ramp.seconds", 60);
  private static final int SOAK_MINUTES = Integer.getInteger("bench.soak.minutes", 30);
  private static final int SAMPLE_SECONDS = Integer.getInteger("bench.sample.seconds", 30);
  private static final int ARTICLES = Integer.getInteger("bench.articles", 1_000);
  /** Flows in flight beyond which a start is refused: the load has outrun the suite. */
  private static final int MAX_IN_FLIGHT = 500;
  private static final String MONITORING_TOKEN = "dev-monitoring-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the load starts, and how many per second at one unit of load. */
  enum Kind {
    INCIDENT(1.0), ALERT_INCIDENT(0.25), ALERT_WARNING(1.0), ALERT_REPEAT(2.0), CHANGE(0.2), SEARCH(4.0);

    final double perUnit;

    Kind(double perUnit) {
      this.perUnit = perUnit;
    }
  }

  /** The requests whose latency is kept, by what a person or a monitoring system waits for. */
  static final List<String> REQUESTS = List.of("webhook", "report incident", "raise change", "search", "survey answer");

  private final BenchSuite suite;
  private final People people;
  private final JdbcTemplate jdbc;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ScheduledExecutorService launcher = Executors.newScheduledThreadPool(2);
  private final ExecutorService flows = Executors.newCachedThreadPool();
  private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
  private final Map<Kind, AtomicLong> started = counters();
  private final Map<Kind, AtomicLong> finished = counters();
  private final Map<Kind, AtomicLong> failed = counters();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicInteger sequence = new AtomicInteger();
  private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new LinkedHashMap<>();
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicInteger failuresPrinted = new AtomicInteger();

  private SoakBenchmark(BenchSuite suite) {
    this.suite = suite;
    this.people = new People(suite);
    this.jdbc = new JdbcTemplate(suite.bean(DataSource.class));
    REQUESTS.forEach(request -> latencies.put(request, new ConcurrentLinkedQueue<>()));
  }

  public static void main(String[] args) throws Exception {
    try (BenchSuite suite = BenchSuite.start(DATABASE)) {
      SoakBenchmark soak = new SoakBenchmark(suite);
      KnowledgeSearchBenchmark.seed(suite.bean(KnowledgeService.class), ARTICLES);
      soak.warmUp();
      String rateOption = System.getProperty("bench.soak.rate");
      double rate = rateOption != null ? Double.parseDouble(rateOption) : soak.ramp() / 2;
      List<SoakChart.Sample> samples = soak.soak(rate);
      String title = String.format(Locale.ROOT, "Soak: %.2f units/s for %d min on %s, %d cores", rate, SOAK_MINUTES,
          suite.database, Runtime.getRuntime().availableProcessors());
      Path out = Path.of("target", "benchmarks");
      Files.createDirectories(out);
      List<String> csv = SoakChart.csv(samples);
      Files.write(out.resolve("soak.csv"), csv);
      SoakChart.draw(csv, title, out.resolve("soak.png"));
      System.out.println(title);
      System.out.println("timers waiting at the end, by activity: " + soak.timersByActivity());
      System.out.println("written to " + out.resolve("soak.csv") + " and " + out.resolve("soak.png"));
      soak.stop();
    }
    System.exit(0);
  }

  /** Half a unit per second for {@code bench.warmup.seconds}, unmeasured: the JIT compiler takes minutes to settle. */
  private void warmUp() throws InterruptedException {
    load(0.5);
    Thread.sleep(WARMUP_SECONDS * 1000L);
    load(0);
    awaitIdle();
    System.out.printf(Locale.ROOT, "warm-up done: %d flows, %d failed%n",
        started.values().stream().mapToLong(AtomicLong::get).sum(), failedSoFar());
  }

  /** Answers the highest level of the ramp that the suite sustained (units per second). */
  private double ramp() throws Exception {
    double sustained = 0;
    String levels = System.getProperty("bench.ramp.levels", "1,2,3,4,5,6,8,10");
    for (double level : Arrays.stream(levels.split(",")).mapToDouble(Double::parseDouble).toArray()) {
      Map<Kind, Long> startedBefore = snapshot(started);
      Map<Kind, Long> finishedBefore = snapshot(finished);
      long failedBefore = failedSoFar();
      drainLatencies();
      load(level);
      Thread.sleep(RAMP_SECONDS * 1000L);
      load(0);
      Map<String, Double> p99 = p99s();
      // incidents started in the level and finished by a little after it: the people keep up
      Thread.sleep(10_000);
      double unfinished = 1 - (double) (finished.get(Kind.INCIDENT).get() - finishedBefore.get(Kind.INCIDENT))
          / Math.max(1, started.get(Kind.INCIDENT).get() - startedBefore.get(Kind.INCIDENT));
      long failures = failedSoFar() - failedBefore;
      boolean kept = failures == 0 && unfinished < 0.1 && p99.values().stream().allMatch(ms -> ms < 1000);
      System.out.printf(Locale.ROOT, "ramp %.1f units/s: %s; failed %d, incidents unfinished %.0f%%, p99 ms %s%n",
          level, kept ? "sustained" : "NOT sustained", failures, unfinished * 100, p99);
      awaitIdle();
      if (!kept) {
        break;
      }
      sustained = level;
    }
    return Math.max(sustained, 0.5);
  }

  /** Runs the load for the soak's minutes, sampling; answers the samples. */
  private List<SoakChart.Sample> soak(double rate) throws Exception {
    System.out.printf(Locale.ROOT, "soak at %.2f units/s for %d minutes%n", rate, SOAK_MINUTES);
    List<SoakChart.Sample> samples = new ArrayList<>();
    drainLatencies();
    Map<Kind, Long> finishedBefore = snapshot(finished);
    long start = System.nanoTime();
    load(rate);
    for (int i = 1; i <= SOAK_MINUTES * 60 / SAMPLE_SECONDS; i++) {
      Thread.sleep(Math.max(0, start + i * SAMPLE_SECONDS * 1_000_000_000L - System.nanoTime()) / 1_000_000);
      Map<Kind, Long> finishedNow = snapshot(finished);
      Map<Kind, Double> perSecond = new EnumMap<>(Kind.class);
      for (Kind kind : Kind.values()) {
        perSecond.put(kind, (finishedNow.get(kind) - finishedBefore.get(kind)) / (double) SAMPLE_SECONDS);
      }
      finishedBefore = finishedNow;
      SoakChart.Sample sample = sample((System.nanoTime() - start) / 60e9, perSecond);
      samples.add(sample);
      System.out.println(sample);
    }
    load(0);
    return samples;
  }

  private SoakChart.Sample sample(double minute, Map<Kind, Double> finishedPerSecond) {
    Map<String, Double> p99 = p99s();
    ManagementFactory.getMemoryMXBean().gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    Instant now = Instant.now();
    long due = jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or "
        + "duedate_ <= ?)", Long.class, java.sql.Timestamp.from(now));
    long waiting = jdbc.queryForObject("select count(*) from act_ru_job where duedate_ > ?", Long.class,
        java.sql.Timestamp.from(now));
    long jobIncidents = jdbc.queryForObject("select count(*) from act_ru_incident", Long.class);
    return new SoakChart.Sample(minute, heap / 1048576.0, tableMiB(), due, waiting, jobIncidents, p99,
        finishedPerSecond, failedSoFar() + refused.get(), inFlight());
  }

  /** The jobs waiting for their time, by the activity they belong to: what the waiting timers are. */
  private Map<String, Long> timersByActivity() {
    Map<String, Long> byActivity = new LinkedHashMap<>();
    jdbc.queryForList("select d.act_id_ as activity, count(*) as jobs from act_ru_job j left join act_ru_jobdef d on "
        + "d.id_ = j.job_def_id_ where j.duedate_ > ? group by d.act_id_ order by count(*) desc",
        java.sql.Timestamp.from(Instant.now())).forEach(row ->
        byActivity.put(String.valueOf(row.get("activity")), ((Number) row.get("jobs")).longValue()));
    return byActivity;
  }

  /** MiB on disk of the engine's runtime, history and byte-array tables and of the suite's own tables. */
  private Map<String, Double> tableMiB() {
    List<Map<String, Object>> tables = suite.h2File == null
        ? jdbc.queryForList("select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c join "
            + "pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' and n.nspname = current_schema()")
        : jdbc.queryForList("select table_name as name, disk_space_used(table_name) as bytes from "
            + "information_schema.tables where table_schema = 'PUBLIC'");
    Map<String, Double> byGroup = new LinkedHashMap<>();
    SoakChart.TABLE_GROUPS.forEach(group -> byGroup.put(group, 0.0));
    for (Map<String, Object> table : tables) {
      String name = ((String) table.get("name")).toLowerCase(Locale.ROOT);
      String group = name.startsWith("act_ru_") ? "engine runtime (act_ru_*)" : name.startsWith("act_hi_")
          ? "engine history (act_hi_*)" : name.startsWith("act_") ? "engine other (act_ge_*, act_re_*, ...)"
          : "suite's tables";
      byGroup.merge(group, ((Number) table.get("bytes")).doubleValue() / 1048576.0, Double::sum);
    }
    return byGroup;
  }

  // --- the load -----------------------------------------------------------------------------------------------

  /** Starts each kind at its share of the rate (units per second); 0 stops starting. */
  private void load(double rate) {
    schedules.forEach(schedule -> schedule.cancel(false));
    schedules.clear();
    if (rate <= 0) {
      return;
    }
    for (Kind kind : Kind.values()) {
      long periodMicros = Math.round(1e6 / (kind.perUnit * rate));
      schedules.add(launcher.scheduleAtFixedRate(() -> start(kind), periodMicros, periodMicros, TimeUnit.MICROSECONDS));
    }
  }

  private void start(Kind kind) {
    if (inFlight() >= MAX_IN_FLIGHT) {
      refused.incrementAndGet();
      return;
    }
    started.get(kind).incrementAndGet();
    int n = sequence.incrementAndGet();
    flows.execute(() -> {
      try {
        switch (kind) {
          case INCIDENT -> incident();
          case ALERT_INCIDENT -> alertIncident(n);
          case ALERT_WARNING -> alertWarning(n);
          case ALERT_REPEAT -> webhook("r" + run + (n % 50), "warning", "firing");
          case CHANGE -> change(n);
          case SEARCH -> search(n);
        }
        finished.get(kind).incrementAndGet();
      } catch (Exception e) {
        failed.get(kind).incrementAndGet();
        if (failuresPrinted.incrementAndGet() <= 10) {
          System.out.println("A flow of " + kind + " failed: " + e);
        }
      }
    });
  }

  /** The requester reports over the API; the people work it; the requester answers the survey the closure sent. */
  private void incident() throws Exception {
    String number = send("report incident", post("requester", "/api/incidents", """
        {"title":"Mail server down","description":"Nobody receives mail","impact":"low","urgency":"low",
         "category":"server","configurationItem":"mail-01"}"""), 201).path("number").asText();
    people.resolveIncident(number);
    people.confirmResolution(number, "requester");
    String link = awaitSurvey(number, "requester");
    send("survey answer", HttpRequest.newBuilder(uri("/survey/" + link))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("rating=5&comment=Quick")), 200);
  }

  /**
   * A critical alert opens an incident; the people resolve it, then the alert resolves (the incident closes itself
   * when the alert has stayed resolved for 30 minutes).
   */
  private void alertIncident(int n) throws Exception {
    String fingerprint = "c" + run + n;
    String number = webhook(fingerprint, "critical", "firing").path("alerts").path(0).path("incident").asText();
    people.resolveIncident(number);
    webhook(fingerprint, "critical", "resolved");
  }

  /** A warning notifies its group; it resolves half a minute later. */
  private void alertWarning(int n) throws Exception {
    String fingerprint = "w" + run + n;
    webhook(fingerprint, "warning", "firing");
    Thread.sleep(30_000);
    webhook(fingerprint, "warning", "resolved");
  }

  /**
   * {@code engineer} records a new configuration item and raises a standard change on it whose window opens in 15
   * seconds (the engine's timer); when the window opens, implements and verifies it.
   */
  private void change(int n) throws Exception {
    String item = "soak-" + run + "-" + n;
    send("raise change", post("engineer", "/api/cis", JSON.writeValueAsString(Map.of("name", item, "type", "server",
        "environment", "production", "ownerGroup", "ops-engineers", "criticality", "low"))), 201);
    Instant start = Instant.now().plusSeconds(15);
    String number = send("raise change", post("engineer", "/api/changes", JSON.writeValueAsString(Map.of(
        "summary", "Patch the kernel", "reason", "Security fix", "type", "standard", "impact", "low",
        "configurationItems", List.of(item + "@production"), "implementationPlan", "Drain, patch, reboot",
        "backoutPlan", "Restore the snapshot", "testEvidence", "Passed on staging", "plannedStart", start.toString(),
        "plannedEnd", start.plusSeconds(7200).toString()))), 201).path("number").asText();
    people.claimAndComplete("engineer", number, "implementChange", Map.of("implementationNotes", "Patched"));
    people.claimAndComplete("engineer", number, "verifyChange",
        Map.of("verification", "success", "verificationNotes", "Checked the service"));
  }

  private void search(int n) throws Exception {
    String query = KnowledgeSearchBenchmark.QUERIES.get(n % KnowledgeSearchBenchmark.QUERIES.size())[1];
    send("search", HttpRequest.newBuilder(uri("/api/knowledge?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
        .header("Authorization", basic("requester")).GET(), 200);
  }

  /** The end of the survey's mailed link, once the satisfaction-survey process has created it. */
  private String awaitSurvey(String number, String respondent) throws InterruptedException {
    SurveyService surveys = suite.bean(SurveyService.class);
    for (int attempt = 0; attempt < 120; attempt++) {
      Optional<String> link = surveys.linkKey(number, respondent);
      if (link.isPresent()) {
        return link.get();
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("No survey for " + number + " within a minute");
  }

  /** One alert as Alertmanager sends it. */
  private JsonNode webhook(String fingerprint, String severity, String status) throws Exception {
    return send("webhook", HttpRequest.newBuilder(uri("/api/alerts/alertmanager"))
        .header("Authorization", "Bearer " + MONITORING_TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(AlertBenchmark.webhook(fingerprint, severity, status))), 200);
  }

  private HttpRequest.Builder post(String user, String path, String json) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
  }

  /** Sends the request, keeps its latency under the kind of request; answers the body read as JSON. */
  private JsonNode send(String request, HttpRequest.Builder builder, int expectedStatus) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    latencies.get(request).add(System.nanoTime() - start);
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(request + " answered " + response.statusCode() + ": " + response.body());
    }
    String body = response.body();
    return body.startsWith("{") || body.startsWith("[") ? JSON.readTree(body) : JSON.nullNode();
  }

  private URI uri(String path) {
    return URI.create(suite.baseUrl + path);
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  // --- bookkeeping ----------------------------------------------------------------------------------------------

  /** p99 in ms of each kind of request since the last call (NaN when none was sent). */
  private Map<String, Double> p99s() {
    Map<String, Double> p99 = new LinkedHashMap<>();
    latencies.forEach((request, queue) -> {
      List<Long> taken = new ArrayList<>();
      for (Long nanos; (nanos = queue.poll()) != null; ) {
        taken.add(nanos);
      }
      long[] sorted = taken.stream().mapToLong(Long::longValue).sorted().toArray();
      p99.put(request, AlertBenchmark.percentile(sorted, 0.99));
    });
    return p99;
  }

  private void drainLatencies() {
    latencies.values().forEach(ConcurrentLinkedQueue::clear);
  }

  private long inFlight() {
    return Arrays.stream(Kind.values())
        .mapToLong(kind -> started.get(kind).get() - finished.get(kind).get() - failed.get(kind).get()).sum();
  }

  private long failedSoFar() {
    return failed.values().stream().mapToLong(AtomicLong::get).sum() + refused.get();
  }

  /** Waits (up to two minutes) until the flows of a level have finished, so that the next starts from rest. */
  private void awaitIdle() throws InterruptedException {
    for (int second = 0; second < 120 && inFlight() > 0; second++) {
      Thread.sleep(1000);
    }
  }

  private void stop() throws InterruptedException {
    load(0);
    launcher.shutdownNow();
    awaitIdle();
    flows.shutdownNow();
  }

  private static Map<Kind, AtomicLong> counters() {
    Map<Kind, AtomicLong> counters = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      counters.put(kind, new AtomicLong());
    }
    return counters;
  }

  private static Map<Kind, Long> snapshot(Map<Kind, AtomicLong> counters) {
    Map<Kind, Long> copy = new EnumMap<>(Kind.class);
    counters.forEach((kind, counter) -> copy.put(kind, counter.get()));
    return copy;
  }
}
