package org.itops.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The where clause of a listing, built from the filters a request gives: {@code column = :name} for each value given
 * (a null or blank value filters nothing), and conditions of the listing's own; no clause when nothing filters.
 */
public final class Filters {

  private final MapSqlParameterSource parameters;
  private final List<String> conditions = new ArrayList<>();

  /** Filters whose values go into these parameters of the listing's query. */
  public Filters(MapSqlParameterSource parameters) {
    this.parameters = parameters;
  }

  /** {@code column = :column} when the value is given. */
  public Filters equal(String column, Object value) {
    return equal(column, column, value);
  }

  /** {@code column = :name} when the value is given (a column qualified by its table's alias needs a name). */
  public Filters equal(String column, String name, Object value) {
    if (value != null && !(value instanceof String text && text.isBlank())) {
      conditions.add(column + " = :" + name);
      parameters.addValue(name, value);
    }
    return this;
  }

  /** A condition of the listing's own; its parameters are the caller's to add. */
  public Filters and(String condition) {
    conditions.add(condition);
    return this;
  }

  /** {@code " where a and b"}, or nothing when nothing filters. */
  public String where() {
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }
}
