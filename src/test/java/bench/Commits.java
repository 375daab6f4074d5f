package bench;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the benchmarks' databases commit. {@code -Dbench.commits=durable} (the default): as the suite has them (H2:
 * platform.H2GroupCommit, one file write for the commits waiting together; PostgreSQL: {@code synchronous_commit}
 * on, its default). {@code delayed}, PostgreSQL only: {@code synchronous_commit} off (H2 has no way around the
 * suite's group commit). {@code both}: the suite's way and another in turns within one run, switched on the running
 * database, so that the cost is a ratio of one run; the other way is H2's own durable commit, a file write per commit
 * ({@code WRITE_DELAY=0}, the suite's way before the group commit), and PostgreSQL's delayed commits.
 */
final class Commits {

  private static final String MODE = System.getProperty("bench.commits", "durable");
  static final boolean DELAYED = MODE.equals("delayed");
  static final boolean BOTH = MODE.equals("both");

  /** The modes a run measures: {@code true} for durable commits. */
  static List<Boolean> modes() {
    return BOTH ? List.of(true, false) : List.of(!DELAYED);
  }

  /** application.yaml's H2 file database, at {@code database} (a path without the file's extension). */
  static String h2Url(Path database) {
    if (DELAYED) {
      throw new IllegalArgumentException("-Dbench.commits=delayed is for PostgreSQL: the suite's H2 commits are durable");
    }
    return "jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=512";
  }

  /** H2 without a file, and so without durable commits: a floor for what the file costs, not a way to run the suite. */
  static final String H2_MEMORY_URL = "jdbc:h2:mem:itops;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512";

  static String postgresSynchronousCommit() {
    return DELAYED ? "off" : "on";
  }

  /**
   * Switches the running database of {@code dataSource} to the suite's commits or the other way: H2's
   * {@code WRITE_DELAY} 0 (a file write per commit; the group commit then finds nothing left to write) or its default;
   * PostgreSQL's {@code synchronous_commit} for the database (it outranks the server's command line), taken up by
   * the pool's new connections.
   */
  static void apply(DataSource dataSource, boolean durable) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String database = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData()
        .getDatabaseProductName());
    if ("H2".equals(database)) {
      jdbc.execute("SET WRITE_DELAY " + (durable ? 500 : 0));
    } else {
      jdbc.execute("ALTER DATABASE " + jdbc.queryForObject("select current_database()", String.class)
          + " SET synchronous_commit = " + (durable ? "on" : "off"));
      ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
    }
  }

  /** For the reports: how a run commits. */
  static String describe() {
    return BOTH ? "the suite's commits and the other way in turns" : describe(!DELAYED);
  }

  static String describe(boolean suiteWay) {
    return suiteWay ? "the suite's commits" : "the other way (H2: a file write per commit; PostgreSQL: delayed)";
  }

  private Commits() {}
}
