package org.itops.cmdb;

import static org.itops.platform.FormValues.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** Configuration items in {@code configuration_item}, their dependencies in {@code ci_dependency}. */
@Repository
class CiRepository {

  /** An edge of the dependency graph: {@code ci} depends on {@code dependsOn}. */
  record Dependency(long ci, long dependsOn) {}

  private final NamedParameterJdbcTemplate jdbc;

  CiRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the items in one batch. */
  void insert(List<CiInput> created, Instant now) {
    jdbc.batchUpdate("insert into configuration_item (name, type, environment, service, owner_group, criticality,"
        + " description, updated_at) values (:name, :type, :environment, :service, :ownerGroup, :criticality,"
        + " :description, :updatedAt)", created.stream().map(item -> parameters(item, now))
        .toArray(SqlParameterSource[]::new));
  }

  /** Changes the items (by id) in one batch. */
  void update(Map<Long, CiInput> changed, Instant now) {
    jdbc.batchUpdate("update configuration_item set name = :name, type = :type, environment = :environment,"
        + " service = :service, owner_group = :ownerGroup, criticality = :criticality, description = :description,"
        + " updated_at = :updatedAt where id = :id", changed.entrySet().stream()
        .map(item -> parameters(item.getValue(), now).addValue("id", item.getKey()))
        .toArray(SqlParameterSource[]::new));
  }

  /** Replaces the dependencies of each item (by id) with the given ones. */
  void replaceDependencies(Map<Long, List<Long>> dependsOn) {
    jdbc.batchUpdate("delete from ci_dependency where ci_id = :id", dependsOn.keySet().stream()
        .map(id -> new MapSqlParameterSource("id", id)).toArray(SqlParameterSource[]::new));
    jdbc.batchUpdate("insert into ci_dependency (ci_id, depends_on_id) values (:id, :target)", dependsOn.entrySet()
        .stream().flatMap(item -> item.getValue().stream().map(target -> new MapSqlParameterSource("id", item.getKey())
            .addValue("target", target))).toArray(SqlParameterSource[]::new));
  }

  void delete(long id) {
    jdbc.update("delete from configuration_item where id = :id", Map.of("id", id));
  }

  Optional<ConfigurationItem> find(long id) {
    return withDependencies(jdbc.query("select * from configuration_item where id = :id", Map.of("id", id),
        CiRepository::item)).stream().findFirst();
  }

  List<ConfigurationItem> findByName(String name) {
    return withDependencies(jdbc.query("select * from configuration_item where name = :name order by environment",
        Map.of("name", name), CiRepository::item));
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
    return jdbc.query("select ci_id, depends_on_id from ci_dependency", Map.of(),
        (rs, row) -> new Dependency(rs.getLong(1), rs.getLong(2)));
  }

  /** The items that depend directly on any of {@code ids}. */
  List<ConfigurationItem> dependentsOf(Collection<Long> ids) {
    return jdbc.query("select c.* from configuration_item c join ci_dependency d on d.ci_id = c.id"
        + " where d.depends_on_id in (:ids)", Map.of("ids", ids), CiRepository::item);
  }

  /** The items of the ids, in their order (without their own dependencies). */
  List<ConfigurationItem> byIds(List<Long> ids) {
    Map<Long, ConfigurationItem> found = new HashMap<>();
    inChunks(ids, chunk -> jdbc.query("select * from configuration_item where id in (:ids)", Map.of("ids", chunk),
        CiRepository::item).forEach(item -> found.put(item.id(), item)));
    return ids.stream().map(found::get).toList();
  }

  Page<ConfigurationItem> list(String type, String environment, String service, int page, int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource()
        .addValue("limit", size).addValue("offset", (long) page * size);
    String where = new Filters(parameters).equal("type", type).equal("environment", environment)
        .equal("service", service).where();
    long total = jdbc.queryForObject("select count(*) from configuration_item" + where, parameters, Long.class);
    List<ConfigurationItem> items = jdbc.query("select * from configuration_item" + where
        + " order by environment, name limit :limit offset :offset", parameters, CiRepository::item);
    return new Page<>(withDependencies(items), total);
  }

  /** Every item, for the CSV export. */
  List<ConfigurationItem> all() {
    return withDependencies(jdbc.query("select * from configuration_item order by environment, name", Map.of(),
        CiRepository::item));
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
    return items.stream().map(i -> new ConfigurationItem(i.id(), i.name(), i.type(), i.environment(), i.service(),
        i.ownerGroup(), i.criticality(), i.description(), List.copyOf(dependsOn.get(i.id())), i.updatedAt())).toList();
  }

  /** Runs the query for a thousand ids at a time, so that an IN list stays within what both databases take. */
  private static void inChunks(List<Long> ids, Consumer<List<Long>> query) {
    for (int from = 0; from < ids.size(); from += 1000) {
      query.accept(ids.subList(from, Math.min(ids.size(), from + 1000)));
    }
  }

  private static ConfigurationItem item(ResultSet rs, int row) throws SQLException {
    return new ConfigurationItem(rs.getLong("id"), rs.getString("name"), rs.getString("type"),
        rs.getString("environment"), rs.getString("service"), rs.getString("owner_group"),
        rs.getString("criticality"), rs.getString("description"), List.of(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static MapSqlParameterSource parameters(CiInput item, Instant now) {
    return new MapSqlParameterSource().addValue("name", item.name().strip()).addValue("type", item.type())
        .addValue("environment", item.environment().strip()).addValue("service", blankToNull(item.service()))
        .addValue("ownerGroup", item.ownerGroup()).addValue("criticality", item.criticality())
        .addValue("description", blankToNull(item.description())).addValue("updatedAt", Timestamp.from(now));
  }
}
