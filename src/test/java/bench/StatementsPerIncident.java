package bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an incident end to end asks of PostgreSQL ({@link LifecycleBenchmark}'s incident, one after the other,
 * {@code -Dbench.incidents} of each process, 60 by default, after {@code -Dbench.warmup} of each, 30), counted by
 * PostgreSQL itself ({@code pg_stat_statements}): the statements per incident by kind and table, the time PostgreSQL
 * spent executing them, and the statements called most. On PostgreSQL the machine's CPU goes to the
 * database's processes as much as to the suite's JVM, so what the suite asks of it is what its incident costs there.
 * The mails' statements count with their incident (each round waits for the outbox to be empty).
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=bench.StatementsPerIncident}
 * ({@code -Dbench.process} as for the lifecycle benchmark: {@code SUITE,NOOP} by default)
 */
final class StatementsPerIncident {

  private static final int INCIDENTS = Integer.getInteger("bench.incidents", 60);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 30);
  private static final Pattern WRITE = Pattern.compile("^\\s*(insert into|update|delete from)\\s+(\\w+)",
      Pattern.CASE_INSENSITIVE);

  public static void main(String[] args) throws Exception {
    try (BenchSuite suite = BenchSuite.start("postgres", Map.of("shared_preload_libraries", "pg_stat_statements"))) {
      NoopIncidentProcess.deploy(suite.bean(RepositoryService.class), suite.bean(AuthorizationService.class));
      LifecycleBenchmark lifecycle = new LifecycleBenchmark(suite);
      JdbcTemplate jdbc = new JdbcTemplate(suite.bean(DataSource.class));
      jdbc.execute("create extension if not exists pg_stat_statements");
      for (LifecycleBenchmark.Process process : LifecycleBenchmark.measured()) {
        for (int i = 0; i < WARMUP; i++) {
          lifecycle.oneIncident(process);
        }
      }
      for (LifecycleBenchmark.Process process : LifecycleBenchmark.measured()) {
        suite.awaitMailSent(Duration.ofMinutes(2));
        jdbc.execute("select pg_stat_statements_reset()");
        for (int i = 0; i < INCIDENTS; i++) {
          lifecycle.oneIncident(process);
        }
        suite.awaitMailSent(Duration.ofMinutes(2));
        print(process, jdbc.query("select query, calls, total_exec_time from pg_stat_statements"
            + " where query not like '%pg_stat_statements%' and query <> 'select count(*) from mail_outbox'",
            (row, number) -> new Statement(row.getString(1).replaceAll("\\s+", " ").trim(), row.getLong(2),
                row.getDouble(3))));
      }
    }
  }

  private record Statement(String query, long calls, double executionMillis) {}

  private static void print(LifecycleBenchmark.Process process, List<Statement> statements) {
    long calls = statements.stream().mapToLong(Statement::calls).sum();
    double millis = statements.stream().mapToDouble(Statement::executionMillis).sum();
    System.out.printf(Locale.ROOT, "%s (%s): %.1f statements per incident, %.1f ms executing them%n",
        process, process.label, perIncident(calls), millis / INCIDENTS);
    Map<String, Map<String, Long>> writes = new TreeMap<>();
    long selects = 0;
    for (Statement statement : statements) {
      Matcher write = WRITE.matcher(statement.query());
      if (write.find()) {
        writes.computeIfAbsent(write.group(1).toLowerCase(Locale.ROOT), kind -> new TreeMap<>())
            .merge(write.group(2).toLowerCase(Locale.ROOT), statement.calls(), Long::sum);
      } else if (statement.query().regionMatches(true, 0, "select", 0, 6)
          || statement.query().regionMatches(true, 0, "with", 0, 4)) {
        selects += statement.calls();
      }
    }
    writes.forEach((kind, byTable) -> {
      List<String> tables = new ArrayList<>();
      byTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(table -> tables.add(
              String.format(Locale.ROOT, "%s %.1f", table.getKey(), perIncident(table.getValue()))));
      System.out.printf(Locale.ROOT, "  %-11s %6.1f: %s%n", kind, perIncident(byTable.values().stream()
          .mapToLong(Long::longValue).sum()), String.join(", ", tables));
    });
    System.out.printf(Locale.ROOT, "  %-11s %6.1f%n", "select", perIncident(selects));
    System.out.println("  called most (per incident, ms executing per incident):");
    statements.stream().sorted(Comparator.comparingLong(Statement::calls).reversed()).limit(15)
        .forEach(statement -> System.out.printf(Locale.ROOT, "    %6.1f %6.2f ms  %s%n", perIncident(statement.calls()),
            statement.executionMillis() / INCIDENTS,
            statement.query().substring(0, Math.min(110, statement.query().length()))));
  }

  private static double perIncident(long count) {
    return count / (double) INCIDENTS;
  }

  private StatementsPerIncident() {}
}
