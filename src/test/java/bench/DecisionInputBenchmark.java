package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the what-if's record of decision inputs costs: rows of {@code decision_input} per incident reported (the
 * tables its process evaluates) and bytes per row (the database's own size of the table with its index on
 * PostgreSQL; on H2, the stored texts plus the fixed columns, H2 having no size of one table). Prints the figures.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=bench.DecisionInputBenchmark -Dexec.args=h2} (or {@code postgres}).
 */
public final class DecisionInputBenchmark {

  private static final int INCIDENTS = 500;
  private static final List<String> LEVELS = List.of("high", "medium", "low");
  /** id (8), evaluated_at (8), the row's header and the index entry (about 40): the fixed part of an H2 row. */
  private static final int H2_FIXED_BYTES = 56;

  public static void main(String[] args) throws Exception {
    String database = args.length == 0 ? "h2" : args[0];
    try (BenchSuite suite = BenchSuite.start(database)) {
      JdbcTemplate jdbc = suite.bean(JdbcTemplate.class);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      long rowsBefore = count(jdbc);
      for (int i = 0; i < INCIDENTS; i++) {
        report(http, suite, LEVELS.get(i % 3), LEVELS.get(i / 3 % 3));
      }
      long rows = count(jdbc) - rowsBefore;
      double bytesPerRow = database.equals("postgres")
          ? jdbc.queryForObject("select pg_total_relation_size('decision_input')", Long.class) / (double) count(jdbc)
          : jdbc.queryForObject("select avg(octet_length(decision_key) + coalesce(octet_length(record_number), 0)"
              + " + octet_length(inputs) + octet_length(outcome)) from decision_input", Double.class)
              + H2_FIXED_BYTES;
      System.out.println();
      System.out.println("decision_input on " + suite.database + ", " + INCIDENTS + " incidents reported");
      System.out.printf("rows per incident reported: %.2f%n", rows / (double) INCIDENTS);
      System.out.printf("bytes per row: %.0f%n", bytesPerRow);
      jdbc.queryForList("select decision_key, count(*) as n from decision_input group by decision_key order by 1")
          .forEach(row -> System.out.printf("  %s: %.2f per incident%n", row.get("decision_key"),
              ((Number) row.get("n")).doubleValue() / INCIDENTS));
      jdbc.queryForList("select decision_key, inputs, outcome from decision_input where record_number is not null"
          + " order by id desc limit 3").forEach(row -> System.out.println("  e.g. " + row));
    }
  }

  private static long count(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from decision_input", Long.class);
  }

  private static void report(HttpClient http, BenchSuite suite, String impact, String urgency) throws Exception {
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(suite.baseUrl + "/api/incidents"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("requester:requester"
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"title\": \"Bench\", \"impact\": \""
            + impact + "\", \"urgency\": \"" + urgency + "\", \"category\": \"server\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("no incident: " + created.body());
    }
  }
}
