package bench;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the benchmarks' databases commit. {@code -Dbench.commits=durable} (the default): as the suite has them (H2:
 * {@code WRITE_DELAY=0} in application.yaml's URL; PostgreSQL: {@code synchronous_commit} on, its default).
 * {@code delayed}: as each database can be told to for speed (H2's own default: a committed transaction is written
 * up to half a second later; PostgreSQL: {@code synchronous_commit} off). {@code both}: durable and delayed in turns
 * within one run, switched on the running database, so that the cost of durable commits is a ratio of one run.
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
    return "jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=512" + (DELAYED ? "" : ";WRITE_DELAY=0");
  }

  static String postgresSynchronousCommit() {
    return DELAYED ? "off" : "on";
  }

  /**
   * Switches the running database of {@code dataSource} to durable or delayed commits: H2's {@code WRITE_DELAY};
   * PostgreSQL's {@code synchronous_commit} for the database (it outranks the server's command line), taken up by
   * the pool's new connections.
   */
  static void apply(DataSource dataSource, boolean durable) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String database = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData()
        .getDatabaseProductName());
    if ("H2".equals(database)) {
      jdbc.execute("SET WRITE_DELAY " + (durable ? 0 : 500));
    } else {
      jdbc.execute("ALTER DATABASE " + jdbc.queryForObject("select current_database()", String.class)
          + " SET synchronous_commit = " + (durable ? "on" : "off"));
      ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
    }
  }

  /** For the reports: how a run commits. */
  static String describe() {
    return BOTH ? "durable and delayed commits in turns" : describe(!DELAYED);
  }

  static String describe(boolean durable) {
    return durable ? "durable commits" : "commits delayed";
  }

  private Commits() {}
}
