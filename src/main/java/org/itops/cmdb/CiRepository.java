package org.itops.cmdb;

import static org.itops.platform.FormValues.blankToNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.itops.platform.Filters;
import org.itops.platform.Page;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** Configuration items in {@code configuration_item}, their dependencies in {@code ci_dependency}. */
@Repository
class CiRepository {

  /** An edge of the dependency graph (a row of {@code ci_dependency}): item {@code ciId} depends on the other. */
  record Dependency(long ciId, long dependsOnId) {}

  /** The items without their dependencies, which {@code ci_dependency} holds. */
  private static final Table<ConfigurationItem> ITEMS = Table.of("configuration_item", ConfigurationItem.class, "id",
      "dependsOn");
  private static final Table<Dependency> DEPENDENCIES = Table.of("ci_dependency", Dependency.class, "ciId");

  private final NamedParameterJdbcTemplate jdbc;

  CiRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the items in one batch; the database numbers them. */
  void insert(List<CiInput> created, Instant now) {
    jdbc.batchUpdate(ITEMS.insertGeneratingKey(), created.stream().map(item -> ITEMS.parameters(row(0, item, now)))
        .toArray(SqlParameterSource[]::new));
  }

  /** Changes the items (by id) in one batch. */
  void update(Map<Long, CiInput> changed, Instant now) {
    jdbc.batchUpdate(ITEMS.update(), changed.entrySet().stream()
        .map(item -> ITEMS.parameters(row(item.getKey(), item.getValue(), now))).toArray(SqlParameterSource[]::new));
  }

  /** Replaces the dependencies of each item (by id) with the given ones. */
  void replaceDependencies(Map<Long, List<Long>> dependsOn) {
    jdbc.batchUpdate("delete from ci_dependency where ci_id = :id", dependsOn.keySet().stream()
        .map(id -> new MapSqlParameterSource("id", id)).toArray(SqlParameterSource[]::new));
    jdbc.batchUpdate(DEPENDENCIES.insert(), dependsOn.entrySet().stream().flatMap(item -> item.getValue().stream()
        .map(target -> DEPENDENCIES.parameters(new Dependency(item.getKey(), target))))
        .toArray(SqlParameterSource[]::new));
  }

  void delete(long id) {
    jdbc.update("delete from configuration_item where id = :id", Map.of("id", id));
  }

  Optional<ConfigurationItem> find(long id) {
    return withDependencies(jdbc.query(ITEMS.select() + " where id = :id", Map.of("id", id),
        ITEMS.rows())).stream().findFirst();
  }

  List<ConfigurationItem> findByName(String name) {
    return withDependencies(jdbc.query(ITEMS.select() + " where name = :name order by environment",
        Map.of("name", name), ITEMS.rows()));
  }

  /** Ids of all items by reference: the CMDB is small enough (thousands) to check a change against all of it. */
  Map<CiReference, Long> ids() {
    Map<CiReference, Long> ids = new HashMap<>();
    jdbc.query("select id, name, environment from configuration_item", rs -> {
      ids.put(new CiReference(rs.getString("name"), rs.getString("environment")), rs.getLong("id"));
    });
    return ids;
  }

  List<Dependency> dependencies() {
    return jdbc.query(DEPENDENCIES.select(), Map.of(), DEPENDENCIES.rows());
  }

  /** The items that depend directly on any of {@code ids}. */
  List<ConfigurationItem> dependentsOf(Collection<Long> ids) {
    return jdbc.query("select c.* from configuration_item c join ci_dependency d on d.ci_id = c.id"
        + " where d.depends_on_id in (:ids)", Map.of("ids", ids), ITEMS.rows());
  }

  /** The items of the ids, in their order (without their own dependencies). */
  List<ConfigurationItem> byIds(List<Long> ids) {
    Map<Long, ConfigurationItem> found = new HashMap<>();
    inChunks(ids, chunk -> jdbc.query(ITEMS.select() + " where id in (:ids)", Map.of("ids", chunk),
        ITEMS.rows()).forEach(item -> found.put(item.id(), item)));
    return ids.stream().map(found::get).toList();
  }

  Page<ConfigurationItem> list(String type, String environment, String service, int page, int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource()
        .addValue("limit", size).addValue("offset", (long) page * size);
    String where = new Filters(parameters).equal("type", type).equal("environment", environment)
        .equal("service", service).where();
    long total = jdbc.queryForObject("select count(*) from configuration_item" + where, parameters, Long.class);
    List<ConfigurationItem> items = jdbc.query(ITEMS.select() + where
        + " order by environment, name limit :limit offset :offset", parameters, ITEMS.rows());
    return new Page<>(withDependencies(items), total);
  }

  /** Every item, for the CSV export. */
  List<ConfigurationItem> all() {
    return withDependencies(jdbc.query(ITEMS.select() + " order by environment, name", Map.of(),
        ITEMS.rows()));
  }

  private List<ConfigurationItem> withDependencies(List<ConfigurationItem> items) {
    if (items.isEmpty()) {
      return items;
    }
    Map<Long, List<String>> dependsOn = new LinkedHashMap<>();
    items.forEach(item -> dependsOn.put(item.id(), new ArrayList<>()));
    inChunks(new ArrayList<>(dependsOn.keySet()), chunk -> jdbc.query("select d.ci_id, t.name, t.environment"
        + " from ci_dependency d join configuration_item t on t.id = d.depends_on_id where d.ci_id in (:ids)"
        + " order by t.environment, t.name", Map.of("ids", chunk), rs -> {
          dependsOn.get(rs.getLong(1)).add(new CiReference(rs.getString(2), rs.getString(3)).toString());
        }));
    return items.stream().map(item -> item.withDependsOn(List.copyOf(dependsOn.get(item.id())))).toList();
  }

  /** Runs the query for a thousand ids at a time, so that an IN list stays within what both databases take. */
  private static void inChunks(List<Long> ids, Consumer<List<Long>> query) {
    for (int from = 0; from < ids.size(); from += 1000) {
      query.accept(ids.subList(from, Math.min(ids.size(), from + 1000)));
    }
  }

  /** The row of an item as a client sent it, trimmed, changed {@code now}. */
  private static ConfigurationItem row(long id, CiInput item, Instant now) {
    return new ConfigurationItem(id, item.name().strip(), item.type(), item.environment().strip(),
        blankToNull(item.service()), item.ownerGroup(), item.criticality(), blankToNull(item.description()), List.of(),
        now);
  }
}
