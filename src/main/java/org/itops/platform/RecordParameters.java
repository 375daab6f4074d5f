package org.itops.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.BeanPropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The properties of a record class as named SQL parameters ({@code :propertyName}), with enums written as their
 * name, instants as timestamps, zones as their ids and lists as one comma-separated text, so that one class maps to
 * its table in both directions ({@link Table}).
 */
public final class RecordParameters implements SqlParameterSource {

  private final BeanPropertySqlParameterSource properties;

  private RecordParameters(Object record) {
    this.properties = new BeanPropertySqlParameterSource(record);
  }

  public static SqlParameterSource of(Object record) {
    return new RecordParameters(record);
  }

  @Override
  public boolean hasValue(String name) {
    return properties.hasValue(name);
  }

  @Override
  public Object getValue(String name) {
    Object value = properties.getValue(name);
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Instant instant) {
      return Timestamp.from(instant);
    }
    if (value instanceof ZoneId zone) {
      return zone.getId();
    }
    if (value instanceof List<?> list) { // one text column, as Table reads it back
      return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return value;
  }

  @Override
  public int getSqlType(String name) {
    return properties.getSqlType(name);
  }

  @Override
  public String getTypeName(String name) {
    return properties.getTypeName(name);
  }
}
