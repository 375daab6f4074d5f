package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.itops.ItopsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alert ingestion benchmark (docs/testing.md, "Benchmarks"; figures in docs/benchmarks.md). Starts the suite on its
 * embedded H2 file database, then posts Alertmanager webhooks at rising rates and prints, per rate, the achieved rate
 * and the p50/p99 latency, for: a no-op endpoint of the same app behind the same filters and JSON parsing (the web
 * stack's own limit), new alerts that notify, new alerts that open an incident, and repeated alerts.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=bench.AlertBenchmark}
 */
public final class AlertBenchmark {

  private static final Duration STEP = Duration.ofSeconds(Integer.getInteger("bench.step.seconds", 5));
  private static final int MAX_IN_FLIGHT = 256;
  private static final String TOKEN = "dev-monitoring-token";
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  /**
   * One rate step: offered and achieved rate, latencies, the CPU time of this JVM (suite and load generator) per
   * answered request, and whether it kept up.
   */
  record Step(int offered, double achieved, double p50, double p99, int failed, double cpuMillis) {
    boolean sustained() {
      return achieved >= offered * 0.95 && p99 < 100 && failed == 0;
    }
  }

  /** A kind of alert sent at rising rates: its option name, its title in the report and in the summary. */
  private record Scenario(String key, String title, String summary,
      IntFunction<java.util.concurrent.CompletableFuture<Integer>> send) {}

  /** A no-op endpoint that reads the same body: what the web stack costs without the suite's work. */
  @RestController
  static class NoopEndpoint {
    @PostMapping("/api/bench/noop")
    Map<String, Object> noop(@RequestBody Map<String, Object> body) {
      return Map.of("alerts", List.of(Map.of("result", "NOOP", "count", ((List<?>) body.get("alerts")).size())));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class BenchConfiguration {
    @Bean
    NoopEndpoint noopEndpoint() {
      return new NoopEndpoint();
    }
  }

  public static void main(String[] args) throws Exception {
    Path data = TempFolders.create("itops-bench");
    List<String> settings = new ArrayList<>(List.of("--server.port=0",
        "--spring.datasource.url=" + Commits.h2Url(data.resolve("itops")),
        "--camunda.bpm.job-execution.enabled=false", "--itops.mail.dev-server.enabled=false", "--logging.level.root=WARN",
        "--itops.demo-data=false"));
    settings.addAll(List.of(args));
    ConfigurableApplicationContext suite = new SpringApplicationBuilder(ItopsApplication.class, BenchConfiguration.class)
        .run(settings.toArray(String[]::new));
    int port = ((WebServerApplicationContext) suite).getWebServer().getPort();
    String base = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String run = Long.toString(System.currentTimeMillis(), 36);
    List<String> report = new ArrayList<>();
    report.add("Alert ingestion, " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, H2 file database, " + Commits.describe() + ", "
        + STEP.toSeconds() + " s per rate");

    AtomicInteger sequence = new AtomicInteger();
    int[] rates = java.util.Arrays.stream(System.getProperty("bench.rates", "100,200,300,400,600,800,1000,1300,1600,2000")
        .split(",")).mapToInt(Integer::parseInt).toArray();
    warmUp(http, base, run);
    String only = System.getProperty("bench.only", "");
    List<Step> noop = only.isEmpty() || only.equals("noop") ? scenario("no-op endpoint (same filters, same JSON)", report, rates, rate ->
        post(http, base + "/api/bench/noop", webhook("n" + run + sequence.incrementAndGet(), "warning"))) : List.of();
    List<String> summaries = new ArrayList<>(List.of(summary("no-op endpoint", noop, noop)));
    for (int i = 0; i < 200; i++) {
      post(http, base + "/api/alerts/alertmanager", webhook("r" + run + i, "warning")).join();
    }
    List<Scenario> scenarios = List.of(
        new Scenario("notify", "new alerts, level notify (alert + alert-handling + mail job)", "new alerts (notify)", rate ->
            post(http, base + "/api/alerts/alertmanager", webhook("w" + run + sequence.incrementAndGet(), "warning"))),
        new Scenario("incident", "new alerts, level incident (+ incident-lifecycle started)", "new alerts (incident)", rate ->
            post(http, base + "/api/alerts/alertmanager", webhook("c" + run + sequence.incrementAndGet(), "critical"))),
        new Scenario("repeated", "repeated alerts (deduplicated: counted on the alert)", "repeated alerts", rate ->
            post(http, base + "/api/alerts/alertmanager", webhook("r" + run + sequence.incrementAndGet() % 200, "warning"))));
    for (Scenario scenario : scenarios) {
      if (!only.isEmpty() && !only.equals(scenario.key())) {
        continue;
      }
      // -Dbench.commits=both: each scenario with the suite's commits, then at once again the other way (Commits)
      for (boolean durable : Commits.modes()) {
        String mode = "";
        if (Commits.BOTH) {
          Commits.apply(suite.getBean(DataSource.class), durable);
          mode = ", " + Commits.describe(durable);
        }
        summaries.add(summary(scenario.summary() + mode, scenario(scenario.title() + mode, report, rates, scenario.send()),
            noop));
      }
    }

    report.add("");
    report.addAll(summaries);
    // with durable commits H2 writes a chunk per commit and keeps replaced chunks a while (RETENTION_TIME, 45 s)
    report.add(String.format(Locale.ROOT, "H2 database file after the run: %.0f MiB",
        Files.size(data.resolve("itops.mv.db")) / (1024.0 * 1024)));
    report.forEach(System.out::println);
    Path out = Path.of("target", "benchmarks", "alerts.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
    System.out.println("written to " + out);
    suite.close();
    System.exit(0);
  }

  /** Load at a modest rate until the JIT compiler has done its work, so that the steps measure the steady state. */
  private static void warmUp(HttpClient http, String base, String run) throws InterruptedException {
    AtomicInteger i = new AtomicInteger();
    for (int round = 0; round < Integer.getInteger("bench.warmup.rounds", 4); round++) {
      step(100, rate -> post(http, base + "/api/bench/noop", webhook("warm-n" + run + i.incrementAndGet(), "warning")));
      step(60, rate -> post(http, base + "/api/alerts/alertmanager",
          webhook("warm" + run + i.incrementAndGet(), i.get() % 3 == 0 ? "critical" : "warning")));
    }
  }

  /** Offers each rate for one step (open loop: sends on schedule, whatever the answers do), until one falls behind. */
  private static List<Step> scenario(String name, List<String> report, int[] rates,
      IntFunction<java.util.concurrent.CompletableFuture<Integer>> send) throws InterruptedException {
    report.add("");
    report.add(name);
    report.add(String.format(Locale.ROOT, "  %8s %10s %9s %9s %7s %8s", "offered/s", "achieved/s", "p50 ms", "p99 ms", "failed",
        "CPU ms"));
    List<Step> steps = new ArrayList<>();
    int behind = 0;
    for (int rate : rates) {
      Step step = step(rate, send);
      steps.add(step);
      report.add(String.format(Locale.ROOT, "  %8d %10.0f %9.1f %9.1f %7d %8.2f %s", step.offered(), step.achieved(),
          step.p50(), step.p99(), step.failed(), step.cpuMillis(), step.sustained() ? "" : "(not sustained)"));
      System.out.println(name + ": " + report.get(report.size() - 1));
      if (!step.sustained() && ++behind == 2) {
        break;
      }
      Thread.sleep(1000);
    }
    return steps;
  }

  private static Step step(int rate, IntFunction<java.util.concurrent.CompletableFuture<Integer>> send)
      throws InterruptedException {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong failed = new AtomicLong();
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    long cpuBefore = CPU.getProcessCpuTime();
    long end = start + STEP.toNanos();
    int sent = 0;
    for (long next = start; next < end; next += interval) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        // park, not spin: the load generator shares the machine's cores with the suite
        LockSupport.parkNanos(wait);
      }
      if (!inFlight.tryAcquire()) {
        failed.incrementAndGet();
        continue;
      }
      long sentAt = System.nanoTime();
      sent++;
      send.apply(sent).whenComplete((status, error) -> {
        if (error != null || status != 200) {
          failed.incrementAndGet();
        } else {
          latencies.add(System.nanoTime() - sentAt);
        }
        inFlight.release();
      });
    }
    inFlight.acquire(MAX_IN_FLIGHT);
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Step(rate, sorted.length / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99), (int) failed.get(),
        (CPU.getProcessCpuTime() - cpuBefore) / 1e6 / sorted.length);
  }

  /** The percentile in ms of latencies in ns, sorted; NaN for none. */
  static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static String summary(String name, List<Step> steps, List<Step> noop) {
    double best = steps.stream().filter(Step::sustained).mapToDouble(Step::achieved).max().orElse(0);
    double bestNoop = noop.stream().filter(Step::sustained).mapToDouble(Step::achieved).max().orElse(0);
    Step last = steps.stream().filter(Step::sustained).reduce((a, b) -> b).orElse(null);
    return String.format(Locale.ROOT, "%-24s sustained %6.0f/s (p50 %.1f ms, p99 %.1f ms), %.2f of the no-op endpoint",
        name, best, last == null ? Double.NaN : last.p50(), last == null ? Double.NaN : last.p99(),
        bestNoop == 0 ? 0 : best / bestNoop);
  }

  private static java.util.concurrent.CompletableFuture<Integer> post(HttpClient http, String url, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
  }

  /** One firing alert as Alertmanager sends it. */
  private static String webhook(String fingerprint, String severity) {
    return webhook(fingerprint, severity, "firing");
  }

  /** One alert as Alertmanager sends it, {@code firing} or {@code resolved} (then ending now). */
  static String webhook(String fingerprint, String severity, String status) {
    return """
        {"receiver":"itops","status":"%s","version":"4","groupKey":"{}:{alertname=\\"HighLoad\\"}",
         "groupLabels":{"alertname":"HighLoad"},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am",
         "alerts":[{"status":"%s","labels":{"alertname":"HighLoad","severity":"%s","env":"prod",
         "instance":"web-%s:9100","service":"web"},"annotations":{"summary":"Load above 8"},
         "startsAt":"2026-11-27T08:00:00Z","endsAt":"%s","generatorURL":"http://prom",
         "fingerprint":"%s"}]}""".formatted(status, status, severity, fingerprint,
        status.equals("resolved") ? Instant.now() : "0001-01-01T00:00:00Z", fingerprint);
  }

  private AlertBenchmark() {}
}
