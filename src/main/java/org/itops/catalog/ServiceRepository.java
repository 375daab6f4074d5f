package org.itops.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Services in table {@code catalog_service}. */
@Repository
class ServiceRepository {

  private static final Table<CatalogEntry> SERVICES = Table.of("catalog_service", CatalogEntry.class, "number");

  private final NamedParameterJdbcTemplate jdbc;

  ServiceRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(CatalogEntry service) {
    jdbc.update(SERVICES.insert(), SERVICES.parameters(service));
  }

  void update(CatalogEntry service) {
    jdbc.update(SERVICES.update(), SERVICES.parameters(service));
  }

  Optional<CatalogEntry> find(String number) {
    return jdbc.query(SERVICES.select() + " where number = :number", Map.of("number", number), SERVICES.rows())
        .stream().findFirst();
  }

  Optional<CatalogEntry> findByName(String name) {
    return jdbc.query(SERVICES.select() + " where name = :name", Map.of("name", name), SERVICES.rows()).stream()
        .findFirst();
  }

  List<CatalogEntry> list(String status) {
    return status == null
        ? jdbc.query(SERVICES.select() + " order by name", Map.of(), SERVICES.rows())
        : jdbc.query(SERVICES.select() + " where status = :status order by name", Map.of("status", status),
            SERVICES.rows());
  }
}
