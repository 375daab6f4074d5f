package bench;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.itops.platform.FilterCountLimit;

/**
 * The suite's benchmark (docs/testing.md, "Benchmarks"; figures and targets in docs/benchmarks.md). Every measurement
 * runs in a JVM of its own, one after the other, and prints its figures; the summary at the end gives the medians and
 * the ratios against the targets: <ul>   <li>start-up of the suite vs the bare Camunda starter (first start on an empty
 * database, and restart);   <li>incidents end to end per second on H2 and on PostgreSQL, beside the no-op process of
 * the same shape;   <li>Tasklist's task queries with 100,000 open incidents on PostgreSQL, and the heap in use after
 * that load. </ul>
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=bench.SuiteBenchmark}.
 * Options: {@code -Dbench.only=startup|lifecycle|tasks|knowledge} (knowledge runs only when asked for), {@code
 * -Dbench.databases=h2,h2-memory,postgres}, {@code -Dbench.tasks.database=postgres|h2}, {@code -Dbench.open=100000},
 * {@code -Dbench.starts=3}, {@code -Dbench.rounds=3}, {@code -Dbench.window.seconds=20}, {@code
 * -Dbench.warmup.seconds=60}, {@code -Dbench.workers=8}, {@code -Dbench.request.timeout.seconds=60}, {@code
 * -Dbench.process=SUITE|NOOP} (the lifecycle of one process alone, for a profile of it).
 */
public final class SuiteBenchmark {

  /** What the bare starter leaves out of the class path: the suite's classes and the libraries only the suite uses. */
  private static final Pattern NOT_BARE = Pattern.compile(
      ".*(/target/classes|flyway|actuator|micrometer-registry|greenmail|jakarta\\.mail|angus).*");

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      // a JVM of the orchestrating one: result file, measurement, its arguments
      child(Path.of(args[0]), args[1], Arrays.copyOfRange(args, 2, args.length));
      return;
    }
    String only = System.getProperty("bench.only", "");
    int open = Integer.getInteger("bench.open", 100_000);
    List<String> report = new ArrayList<>();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    report.add(String.format(Locale.ROOT, "Suite benchmark, %d cores, %d GiB memory, Java %s, each measurement in a JVM "
        + "of its own (default heap: a quarter of the memory)", os.getAvailableProcessors(),
        Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)), System.getProperty("java.version")));
    Properties results = new Properties();
    if (only.isEmpty() || only.equals("startup")) {
      startup(results);
      report.addAll(startupReport(results));
    }
    if (only.isEmpty() || only.equals("lifecycle")) {
      for (String database : System.getProperty("bench.databases", "h2,postgres").split(",")) {
        results.putAll(child(classpath(), "lifecycle", database));
        report.addAll(lifecycleReport(results, database));
      }
    }
    if (only.isEmpty() || only.equals("tasks")) {
      // PostgreSQL by default (with the million ended incidents); -Dbench.tasks.database=h2 for the embedded default
      String database = System.getProperty("bench.tasks.database", "postgres");
      results.putAll(child(classpath(), "tasks", database, String.valueOf(open)));
      report.addAll(tasksReport(results, database));
    }
    // only on request: the knowledge base's search at 10,000 articles
    if (only.equals("knowledge")) {
      for (String database : System.getProperty("bench.databases", "h2,postgres").split(",")) {
        results.putAll(child(classpath(), "knowledge", database));
        report.addAll(KnowledgeSearchBenchmark.report(results, database));
      }
    }
    System.out.println();
    report.forEach(System.out::println);
    Path out = Path.of("target", "benchmarks", "suite.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
    System.out.println("written to " + out);
  }

  /** Starts each application several times, alternating: on an empty database, then again on the same one. */
  private static void startup(Properties results) throws Exception {
    String classpath = classpath();
    String bareClasspath = Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !NOT_BARE.matcher(entry.replace('\\', '/')).matches())
        .collect(Collectors.joining(File.pathSeparator));
    for (int start = 1; start <= Integer.getInteger("bench.starts", 3); start++) {
      for (String application : List.of("bare", "suite")) {
        Path directory = TempFolders.create("itops-startup");
        for (String kind : List.of("first", "restart")) {
          Properties probe = run(application.equals("bare") ? bareClasspath : classpath, StartupProbe.class.getName(),
              List.of(application, directory.toString()));
          String ms = probe.getProperty("startup.ms");
          System.out.printf(Locale.ROOT, "start-up %s, %s start %d: %s ms%n", application, kind, start, ms);
          results.setProperty("startup." + application + "." + kind + "." + start, ms);
        }
      }
    }
  }

  /** The project's test class path: exec:java runs this class in Maven's JVM, in a class loader of its own. */
  private static String classpath() {
    if (SuiteBenchmark.class.getClassLoader() instanceof URLClassLoader loader) {
      return Arrays.stream(loader.getURLs()).map(url -> {
        try {
          return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }).collect(Collectors.joining(File.pathSeparator));
    }
    return System.getProperty("java.class.path");
  }

  private static Properties child(String classpath, String... args) throws Exception {
    return run(classpath, SuiteBenchmark.class.getName(), List.of(args));
  }

  /** Runs the main class in a JVM of its own with the result file as its first argument; answers the results. */
  private static Properties run(String classpath, String mainClass, List<String> arguments) throws Exception {
    Path resultFile = Files.createTempFile("itops-bench", ".properties");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath));
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench."))
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.add(mainClass);
    command.add(resultFile.toString());
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("Benchmark step " + mainClass + " " + arguments + " failed (exit " + process.exitValue() + ")");
    }
    Properties results = new Properties();
    try (InputStream in = Files.newInputStream(resultFile)) {
      results.load(in);
    }
    Files.delete(resultFile);
    return results;
  }

  /** In the child JVM: one measurement, its figures written to the result file. */
  private static void child(Path resultFile, String measurement, String[] args) throws Exception {
    Properties results = new Properties();
    switch (measurement) {
      case "lifecycle" -> LifecycleBenchmark.run(args[0], results);
      case "tasks" -> TaskQueryBenchmark.run(args[0], Integer.parseInt(args[1]), results);
      case "knowledge" -> KnowledgeSearchBenchmark.run(args[0], results);
      default -> throw new IllegalArgumentException("unknown measurement " + measurement);
    }
    try (OutputStream out = Files.newOutputStream(resultFile)) {
      results.store(out, null);
    }
    System.exit(0);
  }

  // --- the report --------------------------------------------------------------------------------------

  private static List<String> startupReport(Properties results) {
    List<String> lines = new ArrayList<>(List.of("", "Start-up until ready (ms, median of "
        + Integer.getInteger("bench.starts", 3) + " starts each, H2 file database)"));
    for (String kind : List.of("first", "restart")) {
      double bare = median(results, "startup.bare." + kind + ".");
      double suite = median(results, "startup.suite." + kind + ".");
      lines.add(String.format(Locale.ROOT, "  %-32s bare starter %6.0f, suite %6.0f, ratio %.2f (target < 1.5: %s)",
          kind.equals("first") ? "first start (empty database)" : "restart (same database)", bare, suite, suite / bare,
          suite / bare < 1.5 ? "met" : "NOT met"));
    }
    return lines;
  }

  private static List<String> lifecycleReport(Properties results, String database) {
    String prefix = "lifecycle." + database + ".";
    List<LifecycleBenchmark.Process> measured = LifecycleBenchmark.measured();
    List<String> lines = new ArrayList<>(List.of("", "Incidents end to end on " + results.getProperty(prefix + "database")
        + " (incidents/s, median of " + Integer.getInteger("bench.rounds", 3) + " rounds)"));
    for (LifecycleBenchmark.Process process : measured) {
      String name = process.name().toLowerCase(Locale.ROOT);
      lines.add(String.format(Locale.ROOT, "  %-27s %6.1f   rounds %s; CPU per incident %.0f ms, CPU busy %.0f%%",
          process.label, median(results, prefix + name + "."), rounds(results, prefix + name + "."),
          median(results, prefix + "cpu." + name + "."), 100 * median(results, prefix + "busy." + name + ".")));
    }
    if (!measured.containsAll(List.of(LifecycleBenchmark.Process.SUITE, LifecycleBenchmark.Process.NOOP))) {
      return lines;
    }
    double suite = median(results, prefix + "suite.");
    double noop = median(results, prefix + "noop.");
    lines.add(String.format(Locale.ROOT, "  ratio %.2f (target >= 0.7: %s)", suite / noop, suite / noop >= 0.7 ? "met" : "NOT met"));
    if (measured.contains(LifecycleBenchmark.Process.NOOP_WITH_DATA)) {
      lines.add(String.format(Locale.ROOT, "  no-op with the suite's data / no-op: %.2f",
          median(results, prefix + "noop_with_data.") / noop));
    }
    if (Commits.BOTH) {
      double otherSuite = median(results, prefix + "other.suite.");
      double otherNoop = median(results, prefix + "other.noop.");
      lines.addAll(List.of(
          String.format(Locale.ROOT, "  the other way of committing, in the same rounds: suite %.1f (rounds %s), no-op %.1f (rounds %s)",
              otherSuite, rounds(results, prefix + "other.suite."), otherNoop, rounds(results, prefix + "other.noop.")),
          String.format(Locale.ROOT, "  suite's way / other way: incidents/s suite %.2f, no-op %.2f; CPU per incident suite %.2f,"
              + " no-op %.2f", suite / otherSuite, noop / otherNoop,
              median(results, prefix + "cpu.suite.") / median(results, prefix + "cpu.other.suite."),
              median(results, prefix + "cpu.noop.") / median(results, prefix + "cpu.other.noop."))));
    }
    return lines;
  }

  private static List<String> tasksReport(Properties results, String database) {
    String prefix = "tasks." + database + ".";
    List<String> lines = new ArrayList<>(List.of("", "Tasklist with " + results.getProperty(prefix + "open")
        + " open incidents at triage and " + results.getProperty(prefix + "triaged") + " at Take incident, "
        + results.getProperty(prefix + "ended", "no") + " ended ones as history, on "
        + results.getProperty(prefix + "database") + String.format(Locale.ROOT, " (opened at %.0f/s)",
        Double.parseDouble(results.getProperty(prefix + "loadPerSecond"))),
        "  Tasklist's request for a filter's first page with its count (POST /camunda/api/engine/.../filter/{id}/list),"
            + " right after the load:"));
    for (String request : results.getProperty(prefix + "requests").split(",")) {
      String count = results.getProperty(prefix + request + ".count", "?");
      String label = results.getProperty(prefix + request + ".label") + " ("
          + (count.equals(String.valueOf(FilterCountLimit.MORE)) ? FilterCountLimit.LIMIT + "+" : count) + " tasks)";
      String timedOut = results.getProperty(prefix + request + ".timedOutAfterSeconds");
      if (timedOut != null) {
        lines.add(String.format(Locale.ROOT, "  %-40s no answer within %s s (target p95 < 150 ms: NOT met)", label,
            timedOut));
        continue;
      }
      double p95 = Double.parseDouble(results.getProperty(prefix + request + ".p95"));
      lines.add(String.format(Locale.ROOT, "  %-40s p50 %6s ms, p95 %6s ms, p99 %6s ms (target p95 < 150 ms: %s)",
          label, results.getProperty(prefix + request + ".p50"), results.getProperty(prefix + request + ".p95"),
          results.getProperty(prefix + request + ".p99"), p95 < 150 ? "met" : "NOT met"));
    }
    String engine = prefix + "desk.My_groups_tasks.engine.";
    if (results.getProperty(engine + "p95") != null) {
      lines.add(String.format(Locale.ROOT, "  %-40s p50 %6s ms, p95 %6s ms (the engine's own queries, which join the"
          + " authorizations)", "desk, My groups' tasks", results.getProperty(engine + "p50"),
          results.getProperty(engine + "p95")));
    }
    lines.add("  heap in use after a full GC: " + results.getProperty(prefix + "heapAfterStartMiB") + " MiB after start, "
        + results.getProperty(prefix + "heapAfterLoadMiB") + " MiB after the load and the queries, "
        + results.getProperty(prefix + "heapWithoutDevMailMiB") + " MiB without the dev mail server's "
        + results.getProperty(prefix + "devMails") + " mails");
    return lines;
  }

  private static double median(Properties results, String prefix) {
    double[] values = values(results, prefix);
    return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }

  private static String rounds(Properties results, String prefix) {
    return IntStream.rangeClosed(1, Integer.getInteger("bench.rounds", 3))
        .mapToObj(round -> String.format(Locale.ROOT, "%.1f", Double.parseDouble(results.getProperty(prefix + round))))
        .collect(Collectors.joining(", "));
  }

  private static double[] values(Properties results, String prefix) {
    return results.stringPropertyNames().stream().filter(name -> name.startsWith(prefix))
        .mapToDouble(name -> Double.parseDouble(results.getProperty(name))).sorted().toArray();
  }

  private SuiteBenchmark() {}
}
