package org.itops.platform;

import java.sql.DatabaseMetaData;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Service;

/**
 * Hands out record numbers such as {@code INC-000123}, the business keys of the process instances, from one
 * database sequence per prefix ({@code record_number_inc}, ...; created by Flyway). A sequence is never locked,
 * so concurrent creations do not wait for each other; a number whose record is rolled back is not reused.
 */
@Service
public class RecordNumbers {

  private final DataSource dataSource;
  private final boolean postgres;
  private final Map<String, DataFieldMaxValueIncrementer> sequences = new ConcurrentHashMap<>();

  RecordNumbers(DataSource dataSource) throws MetaDataAccessException {
    this.dataSource = dataSource;
    String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.postgres = database.toLowerCase().contains("postgres");
  }

  /** The next number for the prefix (e.g. {@code INC}); runs in the caller's transaction and connection. */
  public String next(String prefix) {
    if (!prefix.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("Unknown record prefix '" + prefix + "'");
    }
    DataFieldMaxValueIncrementer sequence = sequences.computeIfAbsent(prefix, p -> {
      String name = "record_number_" + p.toLowerCase();
      return postgres ? new PostgresSequenceMaxValueIncrementer(dataSource, name)
          : new H2SequenceMaxValueIncrementer(dataSource, name);
    });
    try {
      return "%s-%06d".formatted(prefix, sequence.nextLongValue());
    } catch (org.springframework.dao.DataAccessException noSuchSequence) {
      throw new IllegalArgumentException("Unknown record prefix '" + prefix + "': no sequence record_number_"
          + prefix.toLowerCase(), noSuchSequence);
    }
  }
}
