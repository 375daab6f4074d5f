package org.itops.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Column types that our migrations (db/migration) write as placeholders because H2 and PostgreSQL name them
 * differently, chosen from the database Flyway migrates.
 *
 * <p>{@code ${large_object}}: a binary column that the JDBC drivers write and read as a stream (attachments). H2:
 * {@code BLOB}. PostgreSQL: {@code oid}, a large object: its driver writes one from {@code setBlob(InputStream)} in
 * 8 KiB chunks and reads it through {@code getBlob().getBinaryStream()} in chunks, whereas a {@code bytea} value is
 * always read whole into memory ({@code getBinaryStream} answers a copy of the received value).
 *
 * <p>{@code ${time_zone}}: the suite's zone ({@code itops.time-zone}), of the calendar {@code business-hours}.
 */
@Component
class MigrationPlaceholders implements FlywayConfigurationCustomizer {

  private final SuiteProperties suite;

  MigrationPlaceholders(SuiteProperties suite) {
    this.suite = suite;
  }

  @Override
  public void customize(FluentConfiguration configuration) {
    Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
    placeholders.put("large_object", isPostgres(configuration) ? "oid" : "blob");
    placeholders.put("time_zone", suite.zone().getId());
    configuration.placeholders(placeholders);
  }

  private static boolean isPostgres(FluentConfiguration configuration) {
    try (Connection connection = configuration.getDataSource().getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot ask the database for its kind before the migrations", e);
    }
  }
}
