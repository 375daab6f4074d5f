package org.itops.platform;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Durable commits on the embedded H2 database, written together (a group commit): a connection that wrote returns
 * from its commit only once the database file holds it, so that whatever the suite answers with 2xx survives a
 * crash (docs/production.md, "What a crash can lose"). H2 itself offers one commit per file write ({@code
 * WRITE_DELAY=0}, which writes every page a transaction changed as a chunk of its own and cost the incident path more
 * than twice the CPU) or no wait at all (its default, a write up to half a second later). Here the file is written by
 * {@code CHECKPOINT} (H2 stores everything committed so far, under its store lock) once for all the commits that waited
 * meanwhile, the way databases flush their log for concurrent commits; with few commits at a time it costs what
 * WRITE_DELAY=0 did.
 *
 * <p>Only writing connections wait: a statement that is not a {@code SELECT} or {@code WITH} query, on commit, and on
 * close for work done in auto-commit mode. Reads never wait for a write of the file.
 */
final class H2GroupCommit {

  private static final Pattern QUERY = Pattern.compile("^\\s*(select|with)\\b", Pattern.CASE_INSENSITIVE);

  private final String url;
  private final String user;
  private final String password;
  /** Commits that asked to be made durable, counted once each is committed in memory. */
  private final AtomicLong committed = new AtomicLong();
  private final ReentrantLock writing = new ReentrantLock();
  /** Every commit counted up to this one is in the file (written under {@link #writing}). */
  private long durableUpTo;
  /** File writes so far (the test reads it). */
  private volatile long checkpointsWritten;
  /** A connection of its own for {@code CHECKPOINT}: never one of the pool, which may be exhausted by the waiters. */
  private Connection checkpoints;

  H2GroupCommit(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** {@code dataSource} with its connections waiting at commit until the file holds what they wrote. */
  DataSource durable(DataSource dataSource) {
    return new DelegatingDataSource(dataSource) {
      @Override
      public Connection getConnection() throws SQLException {
        return tracked(super.getConnection());
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLException {
        return tracked(super.getConnection(username, password));
      }
    };
  }

  /** Returns once every commit counted before the call returns is in the database file. */
  void awaitDurable() throws SQLException {
    long mine = committed.incrementAndGet();
    writing.lock();
    try {
      if (durableUpTo >= mine) {
        return; // a write that began after this commit holds it
      }
      long upTo = committed.get();
      checkpoint();
      durableUpTo = upTo;
    } finally {
      writing.unlock();
    }
  }

  long checkpointsWritten() {
    return checkpointsWritten;
  }

  private void checkpoint() throws SQLException {
    try {
      if (checkpoints == null || checkpoints.isClosed()) {
        checkpoints = DriverManager.getConnection(url, user, password);
      }
      try (Statement statement = checkpoints.createStatement()) {
        statement.execute("CHECKPOINT");
      }
      checkpointsWritten++;
    } catch (SQLException e) {
      // the commit is in memory only: its caller gets the error (no 2xx) and a retry finds its Idempotency-Key
      closeQuietly();
      throw e;
    }
  }

  private void closeQuietly() {
    try {
      if (checkpoints != null) {
        checkpoints.close();
      }
    } catch (SQLException ignored) {
      // a broken connection: the next write opens a new one
    }
    checkpoints = null;
  }

  private Connection tracked(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new Writes(connection));
  }

  /** Whether a connection wrote since its last commit, and the wait at its commit (or close, in auto-commit). */
  private final class Writes implements InvocationHandler {

    private final Connection connection;
    private boolean wrote;

    Writes(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
      String name = method.getName();
      switch (name) {
        case "equals" -> {
          return proxy == arguments[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "prepareStatement", "prepareCall" -> wrote |= !QUERY.matcher((String) arguments[0]).find();
        // the SQL comes later: counted as a write, so that nothing written escapes the wait
        case "createStatement" -> wrote = true;
        // auto-commit committed each statement: wait before the connection goes back to the pool
        case "close" -> awaitIfWrote(wrote && !connection.isClosed() && connection.getAutoCommit());
        default -> { }
      }
      // switching auto-commit on commits the open transaction (JDBC)
      boolean commits = name.equals("commit")
          || name.equals("setAutoCommit") && (Boolean) arguments[0] && !connection.getAutoCommit();
      Object result;
      try {
        result = method.invoke(connection, arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (commits) {
        awaitIfWrote(wrote);
      } else if (name.equals("rollback") && arguments == null) {
        wrote = false;
      }
      return result;
    }

    private void awaitIfWrote(boolean wait) throws SQLException {
      if (wait) {
        wrote = false;
        awaitDurable();
      }
    }
  }
}
