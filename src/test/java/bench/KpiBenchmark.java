package bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.itops.kpi.IncidentFigures;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/kpis} over a long history: a million ended incidents over two years (and a few thousand open), a
 * hundred thousand changes, on PostgreSQL. Times the KPIs of the last month and of the last year (p50, p95 of
 * {@value #CALLS} calls as {@code manager}, after five to warm up), and the bytes the whole JVM allocated while one
 * request ran (with nothing else running, the request's own; an upper bound of what it adds to the heap).
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=bench.KpiBenchmark}
 * (options: {@code -Dbench.incidents=1000000}, {@code -Dbench.changes=100000}).
 */
public final class KpiBenchmark {

  private static final int INCIDENTS = Integer.getInteger("bench.incidents", 1_000_000);
  private static final int CHANGES = Integer.getInteger("bench.changes", 100_000);
  private static final int OPEN = 5_000;
  private static final int CALLS = 30;
  /** The history ends now; a row every this many seconds reaches two years back. */
  private static final long SPACING_SECONDS = 2L * 365 * 24 * 3600 / INCIDENTS;

  public static void main(String[] args) throws Exception {
    try (BenchSuite suite = BenchSuite.start("postgres")) {
      JdbcTemplate jdbc = suite.bean(JdbcTemplate.class);
      long begin = System.nanoTime();
      insert(jdbc);
      System.out.println();
      System.out.printf(Locale.ROOT, "KPIs over %d ended and %d open incidents and %d changes, %s, %d cores"
          + " (history written in %.0f s)%n", INCIDENTS, OPEN, CHANGES, suite.database,
          Runtime.getRuntime().availableProcessors(), (System.nanoTime() - begin) / 1e9);
      HttpClient http = HttpClient.newHttpClient();
      System.out.println(" right after the history was written, nothing rolled up into daily sums yet:");
      time(suite, http);
      begin = System.nanoTime();
      suite.bean(IncidentFigures.class).rollUp();
      System.out.printf(Locale.ROOT, " after the closed incidents were rolled up into daily sums (%.0f s, as the hourly"
          + " job does):%n", (System.nanoTime() - begin) / 1e9);
      time(suite, http);
    }
  }

  private static void time(BenchSuite suite, HttpClient http) throws Exception {
    for (String period : new String[] {"month", "year"}) {
      String to = java.time.Instant.now().toString();
      String from = java.time.Instant.now().minus(java.time.Duration.ofDays(period.equals("month") ? 30 : 365))
          .toString();
      HttpRequest request = HttpRequest.newBuilder(URI.create(suite.baseUrl + "/api/kpis?from=" + from + "&to=" + to))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:manager"
              .getBytes(StandardCharsets.UTF_8))).build();
      long[] nanos = new long[CALLS];
      long allocated = 0;
      for (int i = -5; i < CALLS; i++) {
        long allocatedBefore = allocatedBytes();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
          throw new IllegalStateException(period + ": " + response.statusCode() + " " + response.body());
        }
        if (i >= 0) {
          nanos[i] = took;
          allocated = Math.max(allocated, allocatedBytes() - allocatedBefore);
        }
      }
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "  the last %-5s p50 %6.1f ms, p95 %6.1f ms (%d calls), allocated per request"
          + " at most %.1f MiB%n", period, nanos[CALLS / 2] / 1e6, nanos[CALLS * 95 / 100] / 1e6, CALLS,
          allocated / (1024.0 * 1024));
    }
  }

  /**
   * The history, written by PostgreSQL itself ({@code generate_series}): the incidents ({@link #insertIncidents}), the
   * newest {@value #OPEN} still open; changes over the same two years, one in ten an emergency.
   */
  private static void insert(JdbcTemplate jdbc) {
    insertIncidents(jdbc, INCIDENTS, OPEN);
    long changeSpacing = SPACING_SECONDS * INCIDENTS / CHANGES;
    jdbc.update("insert into change_request (number, summary, reason, requested_type, impact, classification,"
        + " implementation_plan, planned_start, planned_end, requester, status, outcome, created_at, updated_at,"
        + " closed_at) select 'CHG-K' || lpad(g::text, 8, '0'), 'Change ' || g, 'Bench', 'normal', 'low',"
        + " case when g % 10 = 0 then 'emergency' else 'normal' end, 'Plan', t, t + interval '1 hour', 'engineer',"
        + " 'CLOSED', case when g % 12 = 0 then 'FAILED' else 'SUCCESSFUL' end, t - interval '2 days', t, t"
        + " from (select g, (now() at time zone 'UTC') - (? - g) * ? * interval '1 second' as t"
        + " from generate_series(1, ?) g) history", CHANGES, changeSpacing, CHANGES);
    // no ANALYZE: the figures must hold right after a burst of writes too, before autovacuum has looked at them
  }

  /**
   * The suite's records of {@code ended} incidents over two years up to now, then {@code open} ones still in progress,
   * written by PostgreSQL itself ({@code generate_series}): every priority on 20 services, taken after 10 to 70
   * minutes and resolved after 1 to 49 hours, one in 20 breached, one in 50 reopened (numbers {@code INC-K...}).
   */
  static void insertIncidents(JdbcTemplate jdbc, int ended, int open) {
    long spacingSeconds = 2L * 365 * 24 * 3600 / ended;
    jdbc.update("insert into incident (number, title, impact, urgency, category, reporter, source, status, priority,"
        + " service, reported_at, responded_at, resolved_at, closed_at, response_breached, resolution_breached,"
        + " reopen_count, paused_seconds, updated_at)"
        + " select 'INC-K' || lpad(g::text, 8, '0'), 'Incident ' || g, 'low', 'low', 'network', 'user' || g % 500,"
        + " 'bench', case when g > ? then 'IN_PROGRESS' else 'CLOSED' end, 'P' || (1 + g % 4), 'service-' || g % 20,"
        + " t, t + (10 + g % 61) * interval '1 minute', case when g > ? then null else t + (1 + g % 49) * interval"
        + " '1 hour' end, case when g > ? then null else t + (2 + g % 49) * interval '1 hour' end, g % 20 = 0,"
        + " g % 20 = 1, case when g % 50 = 0 then 1 else 0 end, (g % 7) * 600, t"
        + " from (select g, (now() at time zone 'UTC') - (? - g) * ? * interval '1 second' as t"
        + " from generate_series(1, ?) g) history", ended, ended, ended, ended + open, spacingSeconds, ended + open);
  }

  /** What every thread of this JVM allocated so far. */
  private static long allocatedBytes() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(bytes -> bytes > 0).sum();
  }

  private KpiBenchmark() {}
}
