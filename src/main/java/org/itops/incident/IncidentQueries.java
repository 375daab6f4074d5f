package org.itops.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.itops.platform.IncidentsOfChanges;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features read of the incident table, answered by its owner: no other feature queries {@code incident}
 * (the KPIs' read model aside, docs/kpis.md). Unchecked reads, for code that has checked its caller already.
 */
@Component
@Transactional(readOnly = true)
public class IncidentQueries implements IncidentsOfChanges {

  /** What an article proposed from an incident takes from it. */
  public record Facts(String number, String category, String configurationItem, String engineer) {}

  private final IncidentRepository incidents;

  IncidentQueries(IncidentRepository incidents) {
    this.incidents = incidents;
  }

  public boolean exists(String number) {
    return incidents.exists(number);
  }

  public Optional<Facts> facts(String number) {
    return incidents.facts(number);
  }

  @Override
  public List<String> causedBy(String change) {
    return incidents.causedBy(change);
  }

  /** Incidents on any of the services reported in {@code [from, to)}, in order. */
  public List<String> reportedOn(List<String> services, Instant from, Instant to) {
    return incidents.reportedOn(services, from, to);
  }

  /**
   * The incidents of a configuration item (or, without one, of a service) and category reported since {@code since},
   * in order: the recurrences that problem management counts (indexes incident_recurrence_item and _service).
   */
  public List<String> recurrences(String configurationItem, String service, String category, Instant since) {
    return incidents.recurrences(configurationItem, service, category, since);
  }
}
