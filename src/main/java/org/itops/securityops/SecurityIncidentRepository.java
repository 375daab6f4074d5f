package org.itops.securityops;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Security incidents in {@code security_incident}. */
@Repository
class SecurityIncidentRepository {

  private static final Table<SecurityIncident> INCIDENTS = Table.of("security_incident", SecurityIncident.class,
      "number");

  private final NamedParameterJdbcTemplate jdbc;

  SecurityIncidentRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(SecurityIncident incident) {
    jdbc.update(INCIDENTS.insert(), INCIDENTS.parameters(incident));
  }

  void update(SecurityIncident incident) {
    jdbc.update(INCIDENTS.update(), INCIDENTS.parameters(incident));
  }

  Optional<SecurityIncident> find(String number) {
    return jdbc.query(INCIDENTS.select() + " where number = :number", Map.of("number", number), INCIDENTS.rows())
        .stream().findFirst();
  }

  /** The newest incidents first; only those of {@code reporter} when it is given. */
  List<SecurityIncident> list(String reporter, int limit) {
    MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
    String where = "";
    if (reporter != null) {
      where = " where reporter = :reporter";
      parameters.addValue("reporter", reporter);
    }
    return jdbc.query(INCIDENTS.select() + where + " order by reported_at desc, number desc limit :limit", parameters,
        INCIDENTS.rows());
  }
}
