package org.itops.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One node of the suite: the packaged jar in a JVM of its own, profile prod, on loopback; on PostgreSQL (profile
 * postgres) or on the embedded H2 default.
 */
final class SuiteNode implements AutoCloseable {

  static final String ADMIN_PASSWORD = "Blue-Harbour-Cluster-7!";
  static final String MONITORING_TOKEN = "cluster-test-monitoring-token-0123456789";

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private SuiteNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Starts a node on PostgreSQL and waits until it answers its health check. */
  static SuiteNode start(String name, String databaseUrl, int smtpPort, String... settings) throws Exception {
    return start(name, "prod,postgres", Map.of("ITOPS_DB_URL", databaseUrl, "ITOPS_DB_USERNAME", "postgres",
        "ITOPS_DB_PASSWORD", "postgres", "ITOPS_DB_POOL_SIZE", "16"), Path.of(""), smtpPort, settings);
  }

  /**
   * Starts a node on the embedded H2 default, exactly as application.yaml sets it (./data, here under
   * {@code directory}), and waits until it answers its health check.
   */
  static SuiteNode startOnH2(String name, Path directory, int smtpPort) throws Exception {
    return start(name, "prod", Map.of(), directory, smtpPort);
  }

  private static SuiteNode start(String name, String profiles, Map<String, String> database, Path directory,
      int smtpPort, String... settings) throws Exception {
    int port = freePort();
    Path log = Files.createTempFile("itops-" + name, ".log");
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", jar().toAbsolutePath().toString(),
        "--spring.profiles.active=" + profiles, "--server.port=" + port, "--server.address=127.0.0.1",
        // a short lock, so that a stopped node's job goes to the other node within the test's patience
        "--camunda.bpm.job-execution.lock-time-in-millis=10000", "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=2000",
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(List.of(settings));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toAbsolutePath().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.putAll(database);
    env.put("ITOPS_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("ITOPS_MONITORING_TOKEN", MONITORING_TOKEN);
    env.put("ITOPS_SURVEY_SECRET", "the-cluster-test-survey-key");
    env.put("ITOPS_PAGING_SECRET", "the-cluster-test-paging-key");
    env.put("ITOPS_BASE_URL", "http://127.0.0.1:" + port);
    env.put("ITOPS_MAIL_FROM", "itops@cluster.test");
    env.put("ITOPS_SMTP_HOST", "127.0.0.1");
    env.put("ITOPS_SMTP_PORT", String.valueOf(smtpPort));
    env.put("ITOPS_SMTP_AUTH", "false");
    env.put("ITOPS_SMTP_STARTTLS", "false");
    SuiteNode node = new SuiteNode(name, port, builder.start(), log);
    node.awaitHealthy();
    return node;
  }

  String name() {
    return name;
  }

  HttpResponse<String> post(String path, String json, boolean asMonitoring) {
    return send(postRequest(path, json, asMonitoring));
  }

  /** A creating request with an Idempotency-Key, which its retries send again, as the administrator. */
  HttpResponse<String> post(String path, String json, String idempotencyKey) {
    return send(postRequest(path, json, false).header("Idempotency-Key", idempotencyKey));
  }

  HttpResponse<String> put(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", basicAdmin()).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", basicAdmin()).GET());
  }

  /**
   * Stops the JVM at once with SIGKILL, as a crash would: nothing is closed, nothing is committed, nothing written
   * afterwards. Returns once the JVM is gone.
   */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A fingerprint of a new alert, as Alertmanager gives each alert one. */
  static String fingerprint() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** Alertmanager's webhook with one alert, as its receivers get it. */
  static String webhook(String status, String fingerprint, String severity) {
    return """
        {"receiver":"itops","status":"%s","version":"4","groupKey":"{}:{}","groupLabels":{},"commonLabels":{},
         "commonAnnotations":{},"externalURL":"http://am","alerts":[{"status":"%s","labels":{"alertname":"NodeDown",
         "severity":"%s","env":"prod","service":"web","instance":"web-07:9100"},"annotations":{"summary":"web-07 down"},
         "startsAt":"2026-11-27T08:00:00Z","endsAt":"%s","generatorURL":"http://prom","fingerprint":"%s"}]}"""
        .formatted(status, status, severity, "resolved".equals(status) ? "2026-11-27T09:00:00Z" : "0001-01-01T00:00:00Z",
            fingerprint);
  }

  private void awaitHealthy() throws Exception {
    long end = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " stopped while starting:\n" + Files.readString(log));
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Node " + name + " did not start in 3 minutes:\n" + Files.readString(log));
  }

  private HttpRequest.Builder postRequest(String path, String json, boolean asMonitoring) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", asMonitoring ? "Bearer " + MONITORING_TOKEN : basicAdmin())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basicAdmin() {
    return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
  }

  private static Path jar() throws IOException {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("itops-process-suite-.*\\.jar")
          && !f.getFileName().toString().endsWith("-plain.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("No suite jar in target/: run ./mvnw verify (it packages first)"));
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
