package org.itops.alert;

import java.util.Optional;
import org.itops.platform.RecordParameters;
import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Alert rows in table {@code alert}. */
@Repository
class AlertRepository {

  private static final RowMapper<AlertRecord> ROWS = BeanPropertyRowMapper.newInstance(AlertRecord.class);

  private final NamedParameterJdbcTemplate jdbc;

  AlertRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The alert with that identity, locked until the transaction ends: reports of one alert queue up here. */
  Optional<AlertRecord> findForUpdate(String source, String identity) {
    return jdbc.query("select * from alert where source = :source and identity = :identity for update",
        new MapSqlParameterSource("source", source).addValue("identity", identity), ROWS).stream().findFirst();
  }

  Optional<AlertRecord> find(String number) {
    return jdbc.query("select * from alert where number = :number", new MapSqlParameterSource("number", number), ROWS)
        .stream().findFirst();
  }

  void insert(AlertRecord alert) {
    jdbc.update("insert into alert (number, source, identity, status, level, alert_name, severity, service, environment,"
        + " instance, summary, description, labels, generator_url, starts_at, ends_at, first_seen, last_seen, occurrences, episodes,"
        + " incident_number, resolved_at) values (:number, :source, :identity, :status, :level, :alertName, :severity,"
        + " :service, :environment, :instance, :summary, :description, :labels, :generatorUrl, :startsAt, :endsAt, :firstSeen,"
        + " :lastSeen, :occurrences, :episodes, :incidentNumber, :resolvedAt)", RecordParameters.of(alert));
  }

  void update(AlertRecord alert) {
    jdbc.update("update alert set status = :status, level = :level, alert_name = :alertName, severity = :severity,"
        + " service = :service, environment = :environment, instance = :instance, summary = :summary,"
        + " description = :description,"
        + " labels = :labels, generator_url = :generatorUrl, starts_at = :startsAt, ends_at = :endsAt,"
        + " last_seen = :lastSeen, occurrences = :occurrences, episodes = :episodes,"
        + " incident_number = :incidentNumber, resolved_at = :resolvedAt where number = :number",
        RecordParameters.of(alert));
  }
}
