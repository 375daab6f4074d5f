package bench;

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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * What a login costs now that passwords are bcrypt hashes: the engine's password check, a REST request whose HTTP Basic
 * password is checked by the engine (a user's first request), and one whose password was verified less than 30
 * seconds before (every further request of a machine). Prints the figures; on the embedded default (H2).
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=bench.LoginBenchmark}.
 */
public final class LoginBenchmark {

  private static final int USERS = 40;
  private static final int REQUESTS = 400;

  public static void main(String[] args) throws Exception {
    try (BenchSuite suite = BenchSuite.start("h2")) {
      IdentityService identity = suite.bean(IdentityService.class);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
      System.out.println();
      System.out.println("Logins with bcrypt (cost " + 10 + "), " + Runtime.getRuntime().availableProcessors()
          + " cores, Java " + System.getProperty("java.version"));
      print("create a user (hash the password)", saved);
      print("engine password check (bcrypt)", checked);
      print("REST request, password checked by the engine", firstRequests);
      print("REST request, password verified < 30 s before", verifiedRequests);
    }
  }

  private static long request(HttpClient http, BenchSuite suite, String user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(suite.baseUrl + "/engine-rest/task?maxResults=1"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8))).GET().build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
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
