package org.itops.platform;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out record numbers such as {@code INC-000123}, the business keys of the process instances.
 *
 * <p>The counter row is updated inside the caller's transaction: the number is taken only if the record
 * is created, so numbers have no gaps, and the row lock serialises concurrent callers on H2 and PostgreSQL.
 */
@Service
public class RecordNumbers {

  private final JdbcTemplate jdbc;

  RecordNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The next number for the prefix (one of the rows of {@code record_sequence}, e.g. {@code INC}). */
  @Transactional(propagation = Propagation.MANDATORY)
  public String next(String prefix) {
    int updated = jdbc.update("update record_sequence set last_value = last_value + 1 where prefix = ?", prefix);
    if (updated != 1) {
      throw new IllegalArgumentException("Unknown record prefix '" + prefix + "'");
    }
    Long value = jdbc.queryForObject("select last_value from record_sequence where prefix = ?", Long.class, prefix);
    return "%s-%06d".formatted(prefix, value);
  }
}
