package org.itops.incident;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What Prometheus scrapes about incidents as they happen (integrations/grafana uses these names):
 * {@code itops_incident_acknowledge_seconds} (report to take) and {@code itops_incident_resolve_seconds} (report to
 * resolution without paused time) per priority, and {@code itops_incident_sla_breaches_total} per kind and priority.
 */
@Component
class IncidentMetrics {

  private final MeterRegistry meters;

  IncidentMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void acknowledged(Incident incident) {
    timer("itops.incident.acknowledge", "Time from the report to an engineer taking the incident", incident)
        .record(Duration.between(incident.getReportedAt(), incident.getRespondedAt()));
  }

  void resolved(Incident incident) {
    timer("itops.incident.resolve", "Time from the report to the resolution, without the time paused", incident)
        .record(Duration.between(incident.getReportedAt(), incident.getResolvedAt())
            .minusSeconds(incident.getPausedSeconds()));
  }

  void breached(Incident incident, SlaEvent event) {
    meters.counter("itops.incident.sla.breaches", "kind", event == SlaEvent.RESPONSE_BREACH ? "response" : "resolution",
        "priority", String.valueOf(incident.getPriority())).increment();
  }

  private Timer timer(String name, String description, Incident incident) {
    return Timer.builder(name).description(description).tag("priority", String.valueOf(incident.getPriority()))
        .register(meters);
  }
}
