package bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.itops.ItopsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one new critical alert (a new alert that opens an incident) costs, in figures that a shared, noisy machine
 * does not move: the rows it writes per table, and the CPU time of the suite's JVM per alert over a closed loop of a
 * few clients (no rate to keep up with, so waiting for the cores does not count). Starts the suite as the alert
 * benchmark does (embedded H2 file database, the suite's durable commits, job executor off), warms it up, then
 * posts {@code -Dbench.rounds} (3) times {@code -Dbench.alerts} alerts (1000) from {@code -Dbench.clients} clients (4).
 * {@code -Dbench.h2.settings=;CACHE_SIZE=...} adds settings to the database's URL; {@code -Dbench.h2.memory=true}
 * keeps the database in memory (no file, no durable commits: what the rest of the suite costs without H2's writes).
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=bench.AlertCostProbe}
 */
public final class AlertCostProbe {

  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    Path data = TempFolders.create("itops-probe");
    List<String> settings = new ArrayList<>(List.of("--server.port=0",
        "--spring.datasource.url=" + (Boolean.getBoolean("bench.h2.memory") ? Commits.H2_MEMORY_URL
            : Commits.h2Url(data.resolve("itops"))) + System.getProperty("bench.h2.settings", ""),
        "--camunda.bpm.job-execution.enabled=false", "--itops.mail.dev-server.enabled=false", "--logging.level.root=WARN",
        "--itops.demo-data=false"));
    settings.addAll(List.of(args));
    ConfigurableApplicationContext suite = new SpringApplicationBuilder(ItopsApplication.class)
        .run(settings.toArray(String[]::new));
    String url = "http://127.0.0.1:" + ((WebServerApplicationContext) suite).getWebServer().getPort()
        + "/api/alerts/alertmanager";
    JdbcTemplate jdbc = new JdbcTemplate(suite.getBean(DataSource.class));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String run = Long.toString(System.currentTimeMillis(), 36);
    int clients = Integer.getInteger("bench.clients", 4);
    int alerts = Integer.getInteger("bench.alerts", 1000);

    post(http, url, "warm" + run, Integer.getInteger("bench.warmup", 2000), clients);
    List<String> report = new ArrayList<>();
    // the CPU per alert of one round moves by a fifth on a busy machine: rounds, and their median
    int rounds = Integer.getInteger("bench.rounds", 3);
    List<Double> cpuPerAlert = new ArrayList<>();
    Map<String, Long> before = rows(jdbc);
    Map<String, Long> storeBefore = store(jdbc);
    for (int round = 0; round < rounds; round++) {
      long cpu = CPU.getProcessCpuTime();
      long allocated = THREADS.getTotalThreadAllocatedBytes();
      long start = System.nanoTime();
      post(http, url, "probe" + round + run, alerts, clients);
      cpuPerAlert.add((CPU.getProcessCpuTime() - cpu) / 1e6 / alerts);
      // memory allocated per alert: a measure of the work that a busy machine does not move
      double allocatedPerAlert = (THREADS.getTotalThreadAllocatedBytes() - allocated) / 1024.0 / 1024 / alerts;
      double seconds = (System.nanoTime() - start) / 1e9;
      report.add(String.format(Locale.ROOT, "round %d: %d new critical alerts from %d clients in %.1f s (%.0f/s):"
          + " %.1f ms CPU and %.2f MiB allocated per alert (the whole JVM, clients included); load average %.1f",
          round + 1, alerts, clients, seconds, alerts / seconds, cpuPerAlert.get(round), allocatedPerAlert,
          CPU.getSystemLoadAverage()));
      System.out.println(report.get(report.size() - 1));
    }
    Map<String, Long> storeAfter = store(jdbc);
    Map<String, Long> after = rows(jdbc);
    int all = alerts * rounds;
    report.add(String.format(Locale.ROOT, "median CPU per alert: %.1f ms", cpuPerAlert.stream().sorted().toList()
        .get(rounds / 2)));
    long total = 0;
    for (Map.Entry<String, Long> table : after.entrySet()) {
      long written = table.getValue() - before.getOrDefault(table.getKey(), 0L);
      if (written != 0) {
        report.add(String.format(Locale.ROOT, "  %-28s %6.2f rows per alert", table.getKey(), (double) written / all));
        total += written;
      }
    }
    report.add(String.format(Locale.ROOT, "  %-28s %6.2f rows per alert", "total", (double) total / all));
    storeAfter.forEach((name, value) -> report.add(String.format(Locale.ROOT, "  H2 %-25s %8.2f per alert", name,
        (double) (value - storeBefore.getOrDefault(name, 0L)) / all)));
    report.forEach(System.out::println);
    Path out = Path.of("target", "benchmarks", "alert-cost.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
    suite.close();
    System.exit(0);
  }

  /** Rows per table of the suite's schema (the engine's and the suite's own). */
  static Map<String, Long> rows(JdbcTemplate jdbc) {
    Map<String, Long> rows = new TreeMap<>();
    for (String table : jdbc.queryForList("select table_name from information_schema.tables"
        + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class)) {
      rows.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
    }
    return rows;
  }

  /** H2's counters of its file store: writes and bytes written (for the cost of the commits). */
  private static Map<String, Long> store(JdbcTemplate jdbc) {
    Map<String, Long> store = new TreeMap<>();
    jdbc.query("select setting_name, setting_value from information_schema.settings"
        + " where setting_name in ('info.FILE_WRITE', 'info.FILE_WRITE_BYTES', 'info.FILE_READ', 'info.CHUNK_COUNT',"
        + " 'info.FILE_SIZE')",
        row -> {
          store.put(row.getString(1), Long.parseLong(row.getString(2)));
        });
    return store;
  }

  /** Posts {@code count} new critical alerts, each client one after the other; fails on any answer but 200. */
  private static void post(HttpClient http, String url, String prefix, int count, int clients) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          HttpRequest request = HttpRequest.newBuilder(URI.create(url))
              .header("Authorization", "Bearer dev-monitoring-token").header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(AlertBenchmark.webhook(prefix + i, "critical", "firing"))).build();
          HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() != 200 || !answer.body().contains("INC-")) {
            throw new IllegalStateException("alert " + i + ": " + answer.statusCode() + " " + answer.body());
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
  }

  private AlertCostProbe() {}
}
