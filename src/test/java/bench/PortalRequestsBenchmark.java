package bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal's "My requests" (GET /api/my/requests) of a requester with many requests among many more of other
 * people's: the first page, a page in the middle, the open ones, a search. Prints the figures per database.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=bench.PortalRequestsBenchmark} (options: {@code -Dbench.databases=h2,postgres},
 * {@code -Dbench.mine=2000}, {@code -Dbench.others=50000}).
 */
public final class PortalRequestsBenchmark {

  private static final int MINE = Integer.getInteger("bench.mine", 2000);
  private static final int OTHERS = Integer.getInteger("bench.others", 50_000);
  private static final int CALLS = 50;
  private static final Pattern TOKEN = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    for (String database : System.getProperty("bench.databases", "h2,postgres").split(",")) {
      try (BenchSuite suite = BenchSuite.start(database)) {
        insertIncidents(suite.bean(JdbcTemplate.class));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = login(browser, suite.baseUrl);
        System.out.println();
        System.out.printf(Locale.ROOT, "My requests: %d of the requester among %d incidents, %s, %d cores%n", MINE,
            MINE + OTHERS, suite.database, Runtime.getRuntime().availableProcessors());
        for (String query : List.of("state=all&limit=20", "state=all&limit=20&offset=" + MINE / 2,
            "state=open&limit=20", "state=all&limit=20&q=printer")) {
          print(query, browser, suite.baseUrl, token);
        }
      }
    }
  }

  /** The requester's incidents (one in ten open, every hundredth about a printer) and other people's. */
  private static void insertIncidents(JdbcTemplate jdbc) {
    Instant start = Instant.parse("2020-01-01T00:00:00Z");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < MINE + OTHERS; i++) {
      boolean mine = i < MINE;
      Timestamp at = Timestamp.from(start.plusSeconds(600L * i));
      rows.add(new Object[] {String.format(Locale.ROOT, "INC-B%07d", i), (i % 100 == 0 ? "Printer " : "Wi-Fi ") + i,
          mine ? "requester" : "user" + i % 500, i % 10 == 0 ? "IN_PROGRESS" : "CLOSED", at,
          i % 10 == 0 ? null : at, at});
    }
    jdbc.batchUpdate("insert into incident (number, title, impact, urgency, category, reporter, source, status,"
        + " priority, reported_at, closed_at, updated_at) values (?, ?, 'low', 'low', 'network', ?, 'bench', ?, 'P4',"
        + " ?, ?, ?)", rows);
  }

  private static String login(HttpClient browser, String baseUrl) throws Exception {
    String session = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/portal/session")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher token = TOKEN.matcher(session);
    token.find();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/portal/login"))
        .header("Content-Type", "application/json").header("X-CSRF-Token", token.group(1))
        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"requester\",\"password\":\"requester\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher loggedIn = TOKEN.matcher(login.body());
    if (login.statusCode() != 200 || !loggedIn.find()) {
      throw new IllegalStateException("login: " + login.statusCode() + " " + login.body());
    }
    return loggedIn.group(1);
  }

  private static void print(String query, HttpClient browser, String baseUrl, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/my/requests?" + query))
        .header("X-CSRF-Token", token).build();
    long[] nanos = new long[CALLS];
    for (int i = -5; i < CALLS; i++) { // five to warm up
      long begin = System.nanoTime();
      HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(query + ": " + response.statusCode() + " " + response.body());
      }
      if (i >= 0) {
        nanos[i] = System.nanoTime() - begin;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "  %-40s p50 %6.1f ms, p95 %6.1f ms (%d)%n", query, nanos[CALLS / 2] / 1e6,
        nanos[CALLS * 95 / 100] / 1e6, CALLS);
  }

  private PortalRequestsBenchmark() {}
}
