package org.itops.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Services in table {@code catalog_service}. */
@Repository
class ServiceRepository {

  private final NamedParameterJdbcTemplate jdbc;

  ServiceRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(CatalogEntry s) {
    jdbc.update("insert into catalog_service (number, name, description, owner, support_group, tier, hours,"
        + " availability_target, status, sla_version, published_at, last_reviewed_at, created_at, updated_at)"
        + " values (:number, :name, :description, :owner, :supportGroup, :tier, :hours, :availabilityTarget, :status,"
        + " :slaVersion, :publishedAt, :lastReviewedAt, :createdAt, :updatedAt)", parameters(s));
  }

  void update(CatalogEntry s) {
    jdbc.update("update catalog_service set name = :name, description = :description, owner = :owner,"
        + " support_group = :supportGroup, tier = :tier, hours = :hours, availability_target = :availabilityTarget,"
        + " status = :status, sla_version = :slaVersion, published_at = :publishedAt,"
        + " last_reviewed_at = :lastReviewedAt, updated_at = :updatedAt where number = :number", parameters(s));
  }

  Optional<CatalogEntry> find(String number) {
    return jdbc.query("select * from catalog_service where number = :number", Map.of("number", number),
        ServiceRepository::entry).stream().findFirst();
  }

  Optional<CatalogEntry> findByName(String name) {
    return jdbc.query("select * from catalog_service where name = :name", Map.of("name", name),
        ServiceRepository::entry).stream().findFirst();
  }

  List<CatalogEntry> list(String status) {
    return status == null
        ? jdbc.query("select * from catalog_service order by name", Map.of(), ServiceRepository::entry)
        : jdbc.query("select * from catalog_service where status = :status order by name", Map.of("status", status),
            ServiceRepository::entry);
  }

  private static MapSqlParameterSource parameters(CatalogEntry s) {
    return new MapSqlParameterSource().addValue("number", s.number()).addValue("name", s.name())
        .addValue("description", s.description()).addValue("owner", s.owner())
        .addValue("supportGroup", s.supportGroup()).addValue("tier", s.tier()).addValue("hours", s.hours())
        .addValue("availabilityTarget", s.availabilityTarget()).addValue("status", s.status().name())
        .addValue("slaVersion", s.slaVersion()).addValue("publishedAt", timestamp(s.publishedAt()))
        .addValue("lastReviewedAt", timestamp(s.lastReviewedAt())).addValue("createdAt", timestamp(s.createdAt()))
        .addValue("updatedAt", timestamp(s.updatedAt()));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static CatalogEntry entry(ResultSet rs, int row) throws SQLException {
    return new CatalogEntry(rs.getString("number"), rs.getString("name"), rs.getString("description"),
        rs.getString("owner"), rs.getString("support_group"), rs.getString("tier"), rs.getString("hours"),
        rs.getBigDecimal("availability_target").stripTrailingZeros(), CatalogEntry.Status.valueOf(rs.getString("status")),
        rs.getInt("sla_version"), instant(rs, "published_at"), instant(rs, "last_reviewed_at"),
        instant(rs, "created_at"), instant(rs, "updated_at"));
  }
}
