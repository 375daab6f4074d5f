package org.itops.alert;

import java.util.Optional;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Alert rows in table {@code alert}. */
@Repository
class AlertRepository {

  private static final Table<AlertRecord> ALERTS = Table.of("alert", AlertRecord.class, "number");

  private final NamedParameterJdbcTemplate jdbc;

  AlertRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The alert with that identity, locked until the transaction ends: reports of one alert queue up here. */
  Optional<AlertRecord> findForUpdate(String source, String identity) {
    return jdbc.query(ALERTS.select() + " where source = :source and identity = :identity for update",
        new MapSqlParameterSource("source", source).addValue("identity", identity), ALERTS.rows()).stream()
        .findFirst();
  }

  Optional<AlertRecord> find(String number) {
    return jdbc.query(ALERTS.select() + " where number = :number", new MapSqlParameterSource("number", number),
        ALERTS.rows()).stream().findFirst();
  }

  void insert(AlertRecord alert) {
    jdbc.update(ALERTS.insert(), ALERTS.parameters(alert));
  }

  /** Writes every column; those that do not change (source, identity, first seen) keep the values read. */
  void update(AlertRecord alert) {
    jdbc.update(ALERTS.update(), ALERTS.parameters(alert));
  }
}
