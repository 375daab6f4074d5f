package bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows an incident end to end leaves in each table, for the suite's {@code incident-lifecycle}, its no-op twin
 * and the twin with the suite's data ({@link LifecycleBenchmark}'s incident, one after the other,
 * {@code -Dbench.incidents} of each, 40 by default, on H2), and the engine's history rows of each process the
 * suite's incident starts. Rows written and removed again within an incident (its runtime variables, executions and
 * jobs) do not show here.
 */
final class RowsPerIncident {

  private static final int INCIDENTS = Integer.getInteger("bench.incidents", 40);

  public static void main(String[] args) throws Exception {
    try (BenchSuite suite = BenchSuite.start("h2")) {
      NoopIncidentProcess.deploy(suite.bean(RepositoryService.class), suite.bean(AuthorizationService.class));
      LifecycleBenchmark lifecycle = new LifecycleBenchmark(suite);
      JdbcTemplate jdbc = new JdbcTemplate(suite.bean(DataSource.class));
      for (LifecycleBenchmark.Process process : LifecycleBenchmark.Process.values()) {
        Map<String, Long> before = AlertCostProbe.rows(jdbc);
        for (int i = 0; i < INCIDENTS; i++) {
          lifecycle.oneIncident(process);
        }
        ManagementService jobs = suite.bean(ManagementService.class);
        // the outbox's senders send the mails, the job executor runs the due jobs; either stuck or failing is an
        // error, not a figure
        suite.awaitMailSent(Duration.ofMinutes(2));
        await("every due job run by the job executor").atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(200)).until(() -> jobs.createJobQuery().executable().count() == 0);
        Map<String, Long> after = AlertCostProbe.rows(jdbc);
        StringBuilder line = new StringBuilder(process + ", rows per incident:");
        long total = 0;
        for (Map.Entry<String, Long> table : after.entrySet()) {
          long added = table.getValue() - before.getOrDefault(table.getKey(), 0L);
          if (added != 0) {
            line.append(String.format(Locale.ROOT, " %s %.1f,", table.getKey().toLowerCase(Locale.ROOT), added / (double) INCIDENTS));
            total += added;
          }
        }
        System.out.println(line + String.format(Locale.ROOT, " in all %.1f", total / (double) INCIDENTS));
      }
      System.out.println("history rows per incident of the suite, by the process that wrote them:");
      for (String table : List.of("ACT_HI_VARINST", "ACT_HI_ACTINST")) {
        jdbc.queryForList("select PROC_DEF_KEY_ process, count(*) c from " + table
            + " where PROC_DEF_KEY_ <> 'incident-lifecycle-noop' group by PROC_DEF_KEY_ order by 2 desc")
            .forEach(row -> System.out.printf(Locale.ROOT, "  %s %s %.1f%n", table.toLowerCase(Locale.ROOT),
                row.get("process"), ((Number) row.get("c")).longValue() / (double) INCIDENTS));
      }
    }
  }

  private RowsPerIncident() {}
}
