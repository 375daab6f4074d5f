package org.itops.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.IncidentsOfChanges;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features read of the incident table, answered by its owner: no other feature queries {@code incident}
 * (the KPIs' read model aside, docs/kpis.md). Unchecked reads for code that has checked its caller already.
 */
@Component
@Transactional(readOnly = true)
public class IncidentQueries implements IncidentsOfChanges {

  /** What an article proposed from an incident takes from it. */
  public record Facts(String category, String configurationItem, String engineer) {}

  private final NamedParameterJdbcTemplate jdbc;

  IncidentQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean exists(String number) {
    return !jdbc.queryForList("select number from incident where number = :number", Map.of("number", number),
        String.class).isEmpty();
  }

  public Optional<Facts> facts(String number) {
    return jdbc.query("select category, configuration_item, engineer from incident where number = :number",
        Map.of("number", number), (rs, row) -> new Facts(rs.getString(1), rs.getString(2), rs.getString(3)))
        .stream().findFirst();
  }

  @Override
  public List<String> causedBy(String change) {
    return jdbc.queryForList("select number from incident where caused_by_change = :change order by number",
        Map.of("change", change), String.class);
  }

  /** Incidents on any of the services reported in {@code [from, to)}, in order. */
  public List<String> reportedOn(List<String> services, Instant from, Instant to) {
    if (services.isEmpty()) {
      return List.of();
    }
    return jdbc.queryForList("select number from incident where service in (:services) and reported_at >= :from"
        + " and reported_at < :to order by number", new MapSqlParameterSource("services", services)
        .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)), String.class);
  }

  /**
   * The incidents of a configuration item (or, without one, of a service) and category reported since {@code since},
   * in order: the recurrences that problem management counts (indexes incident_recurrence_item and _service).
   */
  public List<String> recurrences(String configurationItem, String service, String category, Instant since) {
    String where = configurationItem != null ? "configuration_item = :item" : "service = :service";
    return jdbc.queryForList("select number from incident where " + where + " and category = :category"
        + " and reported_at >= :since order by number", new MapSqlParameterSource("item", configurationItem)
        .addValue("service", service).addValue("category", category).addValue("since", Timestamp.from(since)),
        String.class);
  }
}
