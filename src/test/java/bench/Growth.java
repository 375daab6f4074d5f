package bench;

import com.icegreen.greenmail.util.GreenMail;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a long benchmark leaves behind, printed after each round so that a loss of throughput from round to round can
 * be set beside what grew: the heap after a full collection, the database's size on disk, the rows of the tables
 * that every incident adds to, and the mails the dev mail server keeps.
 */
final class Growth {

  /** The tables an incident end to end writes rows to and nothing removes while the suite runs. */
  private static final List<String> TABLES = List.of("act_hi_actinst", "act_hi_varinst", "act_hi_taskinst",
      "act_hi_identitylink", "act_hi_op_log", "act_hi_procinst", "act_ge_bytearray", "act_ru_job", "act_ru_task",
      "act_ru_authorization", "act_ru_meter_log", "record_event", "idempotency_key", "notification_log", "incident");

  private Growth() {
  }

  static String of(BenchSuite suite) {
    String threads = threadCpu();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    JdbcTemplate jdbc = new JdbcTemplate(suite.bean(DataSource.class));
    String rows = TABLES.stream().map(table -> table + " " + count(jdbc, table)).collect(Collectors.joining(", "));
    GreenMail mail = suite.context.getBeanProvider(GreenMail.class).getIfAvailable();
    return String.format(Locale.ROOT, "heap after GC %d MiB, database %d MiB, mails kept %s; CPU so far %s;"
        + " rows: %s", memory.getHeapMemoryUsage().getUsed() >> 20, databaseBytes(suite, jdbc) >> 20,
        mail == null ? "-" : String.valueOf(mail.getReceivedMessages().length), threads, rows);
  }

  /** CPU seconds so far of the JVM's Java threads by kind ({@link #cpuByKind}) and of the JIT compiler. */
  private static String threadCpu() {
    Map<String, Long> byKind = cpuByKind();
    // the JIT compiler's threads are not Java threads; the time it spent compiling is about their CPU
    byKind.put("jit", ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000);
    return byKind.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f s", e.getKey(), e.getValue() / 1e9))
        .collect(Collectors.joining(", "));
  }

  /**
   * CPU nanoseconds so far of the JVM's live Java threads by kind: {@code h2 writer} (H2's background writer),
   * {@code jobs} (the job executor's threads), {@code mail} (the mail outbox's senders), {@code other}.
   */
  static Map<String, Long> cpuByKind() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> byKind = new TreeMap<>();
    for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (thread == null) {
        continue;
      }
      long nanos = threads.getThreadCpuTime(thread.getThreadId());
      String name = thread.getThreadName();
      String kind = name.startsWith("MVStore") ? "h2 writer" : name.startsWith("camundaTaskExecutor") ? "jobs"
          : name.startsWith("mail-sender") ? "mail" : "other";
      byKind.merge(kind, Math.max(0, nanos), Long::sum);
    }
    return byKind;
  }

  private static String count(JdbcTemplate jdbc, String table) {
    try {
      return String.valueOf(jdbc.queryForObject("select count(*) from " + table, Long.class));
    } catch (RuntimeException e) {
      return "?"; // a table of another version
    }
  }

  private static long databaseBytes(BenchSuite suite, JdbcTemplate jdbc) {
    try {
      if (suite.h2File != null) {
        return Files.size(suite.h2File);
      }
      return jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
    } catch (Exception e) {
      return -1;
    }
  }
}
