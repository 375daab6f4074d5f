package org.itops.kpi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open work that Prometheus scrapes (integrations/grafana uses these names): {@code itops_incidents_open} per
 * priority, {@code itops_changes_open} and {@code itops_demands_open}. Counted in the database at each scrape, so
 * that every node of a cluster reports the same figures.
 */
@Component
class OpenWorkMetrics implements SmartInitializingSingleton {

  private final MeterRegistry meters;
  private final JdbcTemplate jdbc;

  OpenWorkMetrics(MeterRegistry meters, JdbcTemplate jdbc) {
    this.meters = meters;
    this.jdbc = jdbc;
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (String priority : Kpis.PRIORITIES) {
      Gauge.builder("itops.incidents.open", () -> count("select count(*) from incident where priority = ?"
              + " and status not in ('RESOLVED', 'CLOSED')", priority))
          .description("Incidents being handled (not resolved or closed)").tag("priority", priority).register(meters);
    }
    Gauge.builder("itops.changes.open", () -> count("select count(*) from change_request where status <> 'CLOSED'"))
        .description("Changes not closed").register(meters);
    Gauge.builder("itops.demands.open", () -> count("select count(*) from demand where status not in"
            + " ('DELIVERED', 'REJECTED', 'WITHDRAWN', 'CANCELLED')"))
        .description("Demands not ended").register(meters);
  }

  private long count(String sql, Object... arguments) {
    return jdbc.queryForObject(sql, Long.class, arguments);
  }
}
