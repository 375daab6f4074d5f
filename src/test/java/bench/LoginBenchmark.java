package bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * What a login costs now that passwords are bcrypt hashes: the engine's password check, a REST request whose HTTP Basic
 * password is checked by the engine (a user's first request), and one whose password was verified less than 30
 * seconds before (every further request of a machine), and bursts of requests of one user at once whose password is
 * not verified yet (a machine's parallel requests when its verified password expires). Prints the figures; on the
 * embedded default (H2).
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=bench.LoginBenchmark}.
 */
public final class LoginBenchmark {

  private static final int USERS = 40;
  private static final int REQUESTS = 400;
  /** Requests of one machine at once when its verified password has expired, e.g. a monitoring system's webhooks. */
  private static final int BURST = 16;

  public static void main(String[] args) throws Exception {
    try (BenchSuite suite = BenchSuite.start("h2")) {
      IdentityService identity = suite.bean(IdentityService.class);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      ExecutorService burstClients = Executors.newFixedThreadPool(BURST);
      List<String> users = new ArrayList<>();
      long[] saved = new long[USERS];
      for (int i = 0; i < USERS; i++) {
        String userId = "login" + i + "x" + System.nanoTime();
        User user = identity.newUser(userId);
        user.setPassword(userId);
        long start = System.nanoTime();
        identity.saveUser(user);
        saved[i] = System.nanoTime() - start;
        users.add(userId);
      }
      long[] checked = new long[USERS];
      for (int i = 0; i < USERS; i++) {
        long start = System.nanoTime();
        if (!identity.checkPassword(users.get(i), users.get(i))) {
          throw new IllegalStateException("password of " + users.get(i) + " refused");
        }
        checked[i] = System.nanoTime() - start;
      }
      long[] firstRequests = new long[USERS];
      for (int i = 0; i < USERS; i++) {
        firstRequests[i] = request(http, suite, users.get(i));
      }
      long[] verifiedRequests = new long[REQUESTS];
      for (int i = 0; i < REQUESTS; i++) {
        verifiedRequests[i] = request(http, suite, users.get(0));
      }
      // the first requests of users not verified yet, BURST at once: as when a machine's verified password expires
      List<String> burstUsers = new ArrayList<>();
      for (int i = 0; i < USERS / 4; i++) {
        String userId = "burst" + i + "x" + System.nanoTime();
        User user = identity.newUser(userId);
        user.setPassword(userId);
        identity.saveUser(user);
        burstUsers.add(userId);
      }
      long[] bursts = new long[burstUsers.size()];
      long burstsCpu = processCpuNanos();
      for (int i = 0; i < bursts.length; i++) {
        String userId = burstUsers.get(i);
        long start = System.nanoTime();
        List<CompletableFuture<Long>> answers = new ArrayList<>();
        for (int j = 0; j < BURST; j++) {
          answers.add(CompletableFuture.supplyAsync(() -> request(http, suite, userId), burstClients));
        }
        answers.forEach(CompletableFuture::join);
        bursts[i] = System.nanoTime() - start;
      }
      burstsCpu = processCpuNanos() - burstsCpu;
      burstClients.shutdown();
      System.out.println();
      System.out.println("Logins with bcrypt (cost " + 10 + "), " + Runtime.getRuntime().availableProcessors()
          + " cores, Java " + System.getProperty("java.version"));
      print("create a user (hash the password)", saved);
      print("engine password check (bcrypt)", checked);
      print("REST request, password checked by the engine", firstRequests);
      print("REST request, password verified < 30 s before", verifiedRequests);
      print(BURST + " REST requests at once, password not verified yet", bursts);
      System.out.printf(Locale.ROOT, "  %-48s %6.1f ms per burst%n", "CPU time of the JVM (suite and clients)",
          burstsCpu / 1e6 / bursts.length);
    }
  }

  private static long processCpuNanos() {
    var system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return system.getProcessCpuTime();
  }

  private static long request(HttpClient http, BenchSuite suite, String user) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(suite.baseUrl + "/engine-rest/task?maxResults=1"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8))).GET().build();
    long start = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(user + "'s request failed", e);
    }
    long elapsed = System.nanoTime() - start;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(user + " answered " + response.statusCode() + ": " + response.body());
    }
    return elapsed;
  }

  private static void print(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "  %-48s p50 %6.1f ms, p95 %6.1f ms (%d)%n", what, sorted[sorted.length / 2] / 1e6,
        sorted[sorted.length * 95 / 100] / 1e6, sorted.length);
  }

  private LoginBenchmark() {}
}
