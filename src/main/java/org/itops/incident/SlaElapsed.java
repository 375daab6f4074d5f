package org.itops.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itops.calendar.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * How long incidents took to be responded to and resolved as their SLA clock counts ({@link SlaClock}): the working
 * time of their service's hours (every instant for 24x7) from the report to the taking, and from the report to the
 * resolution less the time paused for the requester; for one still open, the time so far. For comparing them with other targets (a what-if of
 * {@code service-level-targets}).
 */
@Component
public class SlaElapsed {

  /** A response or resolution took longer than its target: a breach. */
  public record Times(Duration response, Duration resolution) {}

  private static final int CHUNK = 500;

  private final IncidentRepository incidents;
  private final Clock clock;
  private final ServiceHours hours;

  SlaElapsed(IncidentRepository incidents, Clock clock, ServiceHours hours) {
    this.incidents = incidents;
    this.clock = clock;
    this.hours = hours;
  }

  /** The times of the incidents among the numbers (other numbers are not incidents and have none). */
  public Map<String, Times> of(Collection<String> numbers) {
    Instant now = clock.instant();
    List<String> all = List.copyOf(numbers);
    Map<String, Times> times = new HashMap<>();
    Map<String, BusinessCalendar> byService = new HashMap<>();
    for (int start = 0; start < all.size(); start += CHUNK) {
      for (IncidentRepository.SlaFigures incident : incidents.slaFigures(
          all.subList(start, Math.min(all.size(), start + CHUNK)))) {
        Instant responded = orElse(incident.respondedAt(), now);
        Instant resolvedOrPaused = orElse(incident.resolvedAt(), orElse(incident.pausedSince(), now));
        BusinessCalendar calendar = incident.service() == null ? BusinessCalendar.ALWAYS
            : byService.computeIfAbsent(incident.service(), hours::ofService);
        times.put(incident.number(), new Times(calendar.workingTimeBetween(incident.reportedAt(), responded),
            calendar.workingTimeBetween(incident.reportedAt(), resolvedOrPaused)
                .minusSeconds(incident.pausedSeconds())));
      }
    }
    return times;
  }

  private static Instant orElse(Instant instant, Instant otherwise) {
    return instant == null ? otherwise : instant;
  }
}
