package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2's group commit: what a commit returned from is in the file when the process is killed, writers that
 * commit together share a file write, and readers never wait for one.
 */
class H2GroupCommitTest {

  private static final int THREADS = 4;

  @Test
  void everyCommitThatReturnedSurvivesAKillOfTheProcess(@TempDir Path directory) throws Exception {
    String url = url(directory);
    Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Writer.class.getName(), url).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Set<String> returned = new HashSet<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while (returned.size() < 400 && (line = lines.readLine()) != null) {
        if (line.startsWith("committed ")) { // the class path's logging may print a line of its own
          returned.add(line.substring("committed ".length()));
        }
      }
      writer.destroyForcibly(); // SIGKILL: H2 writes nothing more
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(returned).hasSize(400);
    assertThat(rows(url)).as("rows in the file after the kill").containsAll(returned);
  }

  @Test
  void writersThatCommitTogetherShareAFileWriteAndReadersWaitForNone(@TempDir Path directory) throws Exception {
    String url = url(directory);
    H2GroupCommit groupCommit = new H2GroupCommit(url, "sa", "");
    DataSource dataSource = groupCommit.durable(h2(url));
    createTable(dataSource);
    long before = groupCommit.checkpointsWritten();

    int rounds = 25;
    CyclicBarrier together = new CyclicBarrier(THREADS);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int thread = 0; thread < THREADS; thread++) {
      int number = thread;
      done.add(threads.submit(() -> {
        for (int round = 0; round < rounds; round++) {
          together.await();
          insert(dataSource, number + "-" + round);
        }
        return null;
      }));
    }
    for (Future<?> each : done) {
      each.get(60, TimeUnit.SECONDS);
    }
    threads.shutdown();
    long writes = groupCommit.checkpointsWritten() - before;
    assertThat(writes).as("file writes for %d commits", THREADS * rounds).isPositive().isLessThan(THREADS * rounds);

    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (ResultSet count = connection.prepareStatement("select count(*) from written").executeQuery()) {
        count.next();
        assertThat(count.getInt(1)).isEqualTo(THREADS * rounds);
      }
      connection.commit();
    }
    assertThat(groupCommit.checkpointsWritten() - before).as("a read waits for no file write").isEqualTo(writes);
  }

  /** Commits rows from several threads and prints each row's id once its commit returned, until it is killed. */
  static final class Writer {
    public static void main(String[] arguments) throws Exception {
      DataSource dataSource = new H2GroupCommit(arguments[0], "sa", "").durable(h2(arguments[0]));
      createTable(dataSource);
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      for (int thread = 0; thread < THREADS; thread++) {
        int number = thread;
        threads.submit(() -> {
          for (int row = 0; ; row++) {
            String id = number + "-" + row;
            insert(dataSource, id);
            synchronized (System.out) {
              System.out.println("committed " + id);
              System.out.flush();
            }
          }
        });
      }
      threads.awaitTermination(1, TimeUnit.HOURS);
    }
  }

  private static String url(Path directory) {
    // as the suite's URL: H2's default write delay of half a second; kept open between connections as a pool does
    return "jdbc:h2:file:" + directory.resolve("itops") + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1";
  }

  private static DataSource h2(String url) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    dataSource.setPassword("");
    return dataSource;
  }

  private static void createTable(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create table if not exists written (id varchar(40) primary key, payload varchar(400))");
    }
  }

  private static void insert(DataSource dataSource, String id) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (var insert = connection.prepareStatement("insert into written (id, payload) values (?, ?)")) {
        insert.setString(1, id);
        insert.setString(2, "x".repeat(400));
        insert.executeUpdate();
      }
      connection.commit();
    }
  }

  private static Set<String> rows(String url) throws Exception {
    Set<String> rows = new HashSet<>();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        ResultSet result = connection.createStatement().executeQuery("select id from written")) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }
}
