package bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.itops.knowledge.ArticleContent;
import org.itops.knowledge.KnowledgeService;

/**
 * Knowledge search at scale: publishes {@code bench.articles} (10,000) articles of generated text, then times
 * {@code GET /api/knowledge?q=} over HTTP as {@code requester}, one request after the other, for queries of
 * common, rare and many words. Run through SuiteBenchmark: {@code -Dbench.only=knowledge}.
 */
final class KnowledgeSearchBenchmark {

  private static final int ARTICLES = Integer.getInteger("bench.articles", 10_000);
  private static final int SAMPLES = Integer.getInteger("bench.samples", 300);
  private static final int LOADERS = Integer.getInteger("bench.loaders", 4);
  /** Words an operations text is made of, most common first; generated words make up the long tail. */
  private static final String[] COMMON = ("server error connection database network user login password mail "
      + "service restart disk memory cpu application timeout certificate vpn printer backup update driver queue "
      + "cluster node storage firewall proxy dns latency replica index cache session token browser laptop").split(" ");
  private static final int VOCABULARY = 20_000;

  /** The queries timed: name and text. */
  static final List<String[]> QUERIES = List.of(
      new String[] {"common", "server error"},
      new String[] {"typical", "vpn connection timeout after login"},
      new String[] {"rare", "word17345"},
      new String[] {"long", "database replica lags behind primary after network failover restart cluster node"});

  static void run(String database, Properties results) throws Exception {
    try (BenchSuite suite = BenchSuite.start(database)) {
      String prefix = "knowledge." + database + ".";
      results.setProperty(prefix + "database", suite.database);
      long start = System.nanoTime();
      seed(suite.bean(KnowledgeService.class), ARTICLES);
      results.setProperty(prefix + "seedPerSecond", String.valueOf(ARTICLES / ((System.nanoTime() - start) / 1e9)));
      results.setProperty(prefix + "articles", String.valueOf(ARTICLES));
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (String[] query : QUERIES) {
        time(suite, http, query[0], query[1], prefix, results);
      }
    }
  }

  /** Proposes and publishes the articles through the suite's service (the process's steps, without its tasks). */
  static void seed(KnowledgeService knowledge, int articles) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Thread> loaders = new ArrayList<>();
    for (int i = 0; i < LOADERS; i++) {
      Thread loader = new Thread(() -> {
        int n;
        while ((n = next.incrementAndGet()) <= articles && failure.get() == null) {
          Random random = new Random(n);
          try {
            String number = knowledge.register(new ArticleContent(text(random, 6), text(random, 25), text(random, 15),
                text(random, 30), null, null, null), null, "desk", null).getNumber();
            knowledge.publish(number, "demo");
          } catch (Exception e) {
            failure.compareAndSet(null, e);
          }
          if (n % 2_000 == 0) {
            System.out.println(n + " articles published");
          }
        }
      });
      loader.start();
      loaders.add(loader);
    }
    for (Thread loader : loaders) {
      loader.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("Publishing the articles failed", failure.get());
    }
  }

  /** Words drawn like natural text: a few very common ones, a long tail of rare ones (Zipf-like). */
  private static String text(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      int rank = (int) Math.floor(Math.pow(VOCABULARY, random.nextDouble()));
      text.append(i > 0 ? " " : "").append(rank < COMMON.length ? COMMON[rank] : "word" + rank);
    }
    return text.toString();
  }

  /** One request after the other, as one user searching; the first tenth warms up and is not counted. */
  private static void time(BenchSuite suite, HttpClient http, String name, String query, String prefix,
      Properties results) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(suite.baseUrl + "/api/knowledge?size=20&q="
            + URLEncoder.encode(query, StandardCharsets.UTF_8)))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("requester:requester"
            .getBytes(StandardCharsets.UTF_8))).GET().build();
    long[] nanos = new long[SAMPLES];
    String total = null;
    for (int i = -SAMPLES / 10; i < SAMPLES; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + response.body());
      }
      if (i >= 0) {
        nanos[i] = System.nanoTime() - start;
      }
      total = response.body().replaceAll(".*\"total\":(\\d+).*", "$1");
    }
    Arrays.sort(nanos);
    results.setProperty(prefix + name + ".query", query);
    results.setProperty(prefix + name + ".hits", total);
    results.setProperty(prefix + name + ".p50", String.format(Locale.ROOT, "%.1f", nanos[SAMPLES / 2] / 1e6));
    results.setProperty(prefix + name + ".p95", String.format(Locale.ROOT, "%.1f", nanos[SAMPLES * 95 / 100] / 1e6));
    System.out.printf(Locale.ROOT, "%s %-8s p50 %s ms, p95 %s ms (%s hits)%n", suite.database, name,
        results.getProperty(prefix + name + ".p50"), results.getProperty(prefix + name + ".p95"), total);
  }

  static List<String> report(Properties results, String database) {
    String prefix = "knowledge." + database + ".";
    List<String> lines = new ArrayList<>(List.of("", "Knowledge search, " + results.getProperty(prefix + "articles")
        + " published articles on " + results.getProperty(prefix + "database") + String.format(Locale.ROOT,
        " (published at %.0f/s)", Double.parseDouble(results.getProperty(prefix + "seedPerSecond")))));
    for (String[] query : QUERIES) {
      lines.add(String.format(Locale.ROOT, "  %-8s %-85s p50 %6s ms, p95 %6s ms (%s hits)", query[0],
          "GET /api/knowledge?q=" + query[1], results.getProperty(prefix + query[0] + ".p50"),
          results.getProperty(prefix + query[0] + ".p95"), results.getProperty(prefix + query[0] + ".hits")));
    }
    return lines;
  }

  private KnowledgeSearchBenchmark() {}
}
