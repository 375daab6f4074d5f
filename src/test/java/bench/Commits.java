package bench;

import java.nio.file.Path;

/**
 * How the benchmarks' databases commit: durably, as the suite has them (H2: {@code WRITE_DELAY=0} in application.yaml's
 * URL; PostgreSQL: {@code synchronous_commit} on, its default), or with {@code -Dbench.commits=delayed} as each
 * database can be told to for speed (H2's own default: a committed transaction is written up to half a second later;
 * PostgreSQL: {@code synchronous_commit} off), to measure what durable commits cost.
 */
final class Commits {

  static final boolean DELAYED = "delayed".equals(System.getProperty("bench.commits", "durable"));

  /** application.yaml's H2 file database, at {@code database} (a path without the file's extension). */
  static String h2Url(Path database) {
    return "jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=512" + (DELAYED ? "" : ";WRITE_DELAY=0");
  }

  static String postgresSynchronousCommit() {
    return DELAYED ? "off" : "on";
  }

  /** For the reports. */
  static String describe() {
    return DELAYED ? "commits delayed" : "durable commits";
  }

  private Commits() {}
}
