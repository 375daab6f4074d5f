package org.itops.platform;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * A table and the Java type of its rows, the one way a repository writes and reads a row: the column list, the
 * insert, the update by key and the row mapper all come from the type's properties (a record's components, or a
 * class's properties with getter and setter), {@code camelCase} to {@code snake_case}, so that no list of columns
 * is written, or aligned, by hand. A property that is not a column of the table (a list kept in a table of its own)
 * is named as such; a record gets null for it and its repository fills it.
 *
 * <p>The type is a record when its row is written once or changed in a few named ways; a class with setters when
 * many process steps each set a few of its columns (an incident, an article, an alert), where a record would need a
 * copy of its whole constructor for every step.
 */
public final class Table<T> {

  private static final ConversionService CONVERSIONS = DefaultConversionService.getSharedInstance();

  private final String name;
  private final String key;
  private final List<String> properties;
  private final RowMapper<T> rows;

  private Table(String name, Class<T> type, String keyProperty, Set<String> notColumns) {
    this.name = name;
    this.key = keyProperty;
    List<String> found = new ArrayList<>();
    for (String property : propertiesOf(type)) {
      if (!notColumns.contains(property)) {
        found.add(property);
      }
    }
    if (!found.contains(keyProperty)) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no property " + keyProperty + " for the key"
          + " of table " + name);
    }
    found.remove(keyProperty);
    found.add(0, keyProperty);
    this.properties = List.copyOf(found);
    this.rows = type.isRecord() ? new RecordRows<>(type, notColumns) : BeanPropertyRowMapper.newInstance(type);
  }

  /** The table {@code name} whose rows are {@code type}, keyed by {@code keyProperty}. */
  public static <T> Table<T> of(String name, Class<T> type, String keyProperty, String... notColumns) {
    return new Table<>(name, type, keyProperty, Set.of(notColumns));
  }

  /** The columns, comma separated, the key first. */
  public String columns() {
    return properties.stream().map(Table::column).collect(Collectors.joining(", "));
  }

  /** {@code select <columns> from <table>}, to which a query adds its where clause. */
  public String select() {
    return "select " + columns() + " from " + name;
  }

  /** The named parameters of {@link #columns}, comma separated, in the same order. */
  public String values() {
    return properties.stream().map(property -> ":" + property).collect(Collectors.joining(", "));
  }

  /** The insert of a whole row, with {@link #parameters}. */
  public String insert() {
    return "insert into " + name + " (" + columns() + ") values (" + values() + ")";
  }

  /**
   * The insert of a row whose key the database generates (an identity column), with {@link #parameters}: every column
   * but the key, which a {@code GeneratedKeyHolder} may answer.
   */
  public String insertGeneratingKey() {
    List<String> values = properties.subList(1, properties.size());
    return "insert into " + name + " (" + values.stream().map(Table::column).collect(Collectors.joining(", "))
        + ") values (" + values.stream().map(property -> ":" + property).collect(Collectors.joining(", ")) + ")";
  }

  /** The key's column, e.g. to ask the database for a generated key. */
  public String keyColumn() {
    return column(key);
  }

  /** The update of every column but the key, of the row with the key, with {@link #parameters}. */
  public String update() {
    return "update " + name + " set " + properties.stream().skip(1)
        .map(property -> column(property) + " = :" + property).collect(Collectors.joining(", "))
        + " where " + column(key) + " = :" + key;
  }

  /** A row's values as the named parameters of {@link #insert} and {@link #update}. */
  public SqlParameterSource parameters(T row) {
    return RecordParameters.of(row);
  }

  /** Maps a row of {@link #select} (or of {@code select *}) to the type. */
  public RowMapper<T> rows() {
    return rows;
  }

  /** {@code reportedAt} to {@code reported_at}. */
  static String column(String property) {
    return JdbcUtils.convertPropertyNameToUnderscoreName(property);
  }

  private static List<String> propertiesOf(Class<?> type) {
    if (type.isRecord()) {
      return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
    return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
        .filter(descriptor -> descriptor.getReadMethod() != null && descriptor.getWriteMethod() != null)
        .map(PropertyDescriptor::getName).toList();
  }

  /** A record from its columns by name, each value converted to its component's type (enums from their names). */
  private static final class RecordRows<T> implements RowMapper<T> {

    private final Constructor<T> constructor;
    private final RecordComponent[] components;
    /** Each component's type with its generics, so that a text column may also be read as a list. */
    private final TypeDescriptor[] targets;
    private final Set<String> notColumns;

    RecordRows(Class<T> type, Set<String> notColumns) {
      this.components = type.getRecordComponents();
      this.targets = Arrays.stream(components)
          .map(component -> new TypeDescriptor(new MethodParameter(component.getAccessor(), -1)))
          .toArray(TypeDescriptor[]::new);
      this.notColumns = notColumns;
      try {
        this.constructor = type.getDeclaredConstructor(
            Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("A record has its canonical constructor", e);
      }
      constructor.setAccessible(true);
    }

    @Override
    public T mapRow(ResultSet rs, int rowNumber) throws SQLException {
      Object[] arguments = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        RecordComponent component = components[i];
        if (notColumns.contains(component.getName())) {
          continue;
        }
        Class<?> type = component.getType();
        Object value = JdbcUtils.getResultSetValue(rs, rs.findColumn(column(component.getName())));
        arguments[i] = value == null && type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0)
            : CONVERSIONS.convert(value, TypeDescriptor.forObject(value), targets[i]);
      }
      return BeanUtils.instantiateClass(constructor, arguments);
    }
  }
}
