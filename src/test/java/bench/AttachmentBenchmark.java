package bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether attachments are streamed: the heap of the suite's JVM (the suite runs in this JVM) while a 50 MiB file is
 * uploaded and downloaded over HTTP, with the limits raised for it. The client streams too (from and to files), so
 * what the heap holds is the suite's. Prints the heap used after a GC before, its peak during each transfer (sampled
 * every 5 ms) and after a GC at the end, on H2 and on PostgreSQL.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=bench.AttachmentBenchmark} (options: {@code -Dbench.databases=h2,postgres}, {@code -Dbench.mib=50}).
 */
public final class AttachmentBenchmark {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final long MIB = 1024 * 1024;

  public static void main(String[] args) throws Exception {
    long size = Long.getLong("bench.mib", 50) * MIB;
    System.setProperty("itops.api.max-upload-bytes", String.valueOf(size));
    System.setProperty("itops.attachments.max-record-bytes", String.valueOf(size));
    Path file = Files.createTempFile("itops-bench", ".bin");
    Path downloaded = Files.createTempFile("itops-bench", ".download");
    byte[] chunk = new byte[(int) MIB];
    new Random(17).nextBytes(chunk);
    for (long written = 0; written < size; written += chunk.length) {
      Files.write(file, chunk, java.nio.file.StandardOpenOption.APPEND);
    }
    StringBuilder report = new StringBuilder("Attachments: a " + size / MIB + " MiB file, max heap "
        + Runtime.getRuntime().maxMemory() / MIB + " MiB, Java " + System.getProperty("java.version") + "\n");
    for (String database : System.getProperty("bench.databases", "h2,postgres").split(",")) {
      try (BenchSuite suite = BenchSuite.start(database)) {
        report.append(suite.database).append('\n').append(measure(suite, file, downloaded));
      }
    }
    Files.delete(file);
    Files.delete(downloaded);
    System.out.println();
    System.out.print(report);
  }

  private static String measure(BenchSuite suite, Path file, Path downloaded) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String number = reportIncident(http, suite);
    long before = usedAfterGc();
    String boundary = "----bench" + System.nanoTime();
    HttpRequest upload = request(suite, "/api/incidents/" + number + "/attachments")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(BodyPublishers.concat(
            BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"),
            BodyPublishers.ofFile(file),
            BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))).build();
    Peak uploadPeak = new Peak();
    long start = System.nanoTime();
    HttpResponse<String> uploaded = http.send(upload, HttpResponse.BodyHandlers.ofString());
    long uploadMillis = (System.nanoTime() - start) / 1_000_000;
    uploadPeak.stop();
    if (uploaded.statusCode() != 201) {
      throw new IllegalStateException("upload answered " + uploaded.statusCode() + ": " + uploaded.body());
    }
    Matcher download = Pattern.compile("\"download\":\"([^\"]+)\"").matcher(uploaded.body());
    download.find();
    Peak downloadPeak = new Peak();
    start = System.nanoTime();
    HttpResponse<Path> got = http.send(request(suite, download.group(1)).GET().build(),
        HttpResponse.BodyHandlers.ofFile(downloaded));
    long downloadMillis = (System.nanoTime() - start) / 1_000_000;
    downloadPeak.stop();
    if (got.statusCode() != 200 || !sha256(downloaded).equals(sha256(file))) {
      throw new IllegalStateException("download answered " + got.statusCode() + " or other bytes");
    }
    long after = usedAfterGc();
    return String.format("  heap used after GC before: %d MiB%n  peak during upload: %d MiB (%d ms)%n"
        + "  peak during download: %d MiB (%d ms)%n  heap used after GC after: %d MiB%n", before / MIB,
        uploadPeak.max() / MIB, uploadMillis, downloadPeak.max() / MIB, downloadMillis, after / MIB);
  }

  /** The highest heap use seen by a thread that looks every 5 ms until stopped. */
  private static final class Peak {
    private final AtomicLong max = new AtomicLong();
    private volatile boolean running = true;
    private final Thread sampler = new Thread(() -> {
      while (running) {
        max.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });

    Peak() {
      sampler.setDaemon(true);
      sampler.start();
    }

    void stop() throws InterruptedException {
      running = false;
      sampler.join();
    }

    long max() {
      return max.get();
    }
  }

  private static String reportIncident(HttpClient http, BenchSuite suite) throws Exception {
    HttpResponse<String> created = http.send(request(suite, "/api/incidents")
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(
            "{\"title\": \"Big dump\", \"impact\": \"low\", \"urgency\": \"low\", \"category\": \"workplace\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    Matcher number = Pattern.compile("\"number\":\"([^\"]+)\"").matcher(created.body());
    if (!number.find()) {
      throw new IllegalStateException("no incident: " + created.body());
    }
    return number.group(1);
  }

  private static HttpRequest.Builder request(BenchSuite suite, String path) {
    return HttpRequest.newBuilder(URI.create(suite.baseUrl + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString("requester:requester".getBytes(StandardCharsets.UTF_8)));
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (var in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
