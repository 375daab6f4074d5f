package org.itops.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itops.calendar.BusinessCalendar;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  private final ServiceHours hours;

  SlaElapsed(NamedParameterJdbcTemplate jdbc, Clock clock, ServiceHours hours) {
    this.jdbc = jdbc;
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
      jdbc.query("select number, service, reported_at, responded_at, resolved_at, paused_since, paused_seconds"
          + " from incident"
          + " where number in (:numbers)", new MapSqlParameterSource("numbers",
              all.subList(start, Math.min(all.size(), start + CHUNK))), row -> {
            Instant reported = row.getTimestamp("reported_at").toInstant();
            Instant responded = instant(row.getTimestamp("responded_at"), now);
            Instant resolvedOrPaused = instant(row.getTimestamp("resolved_at"),
                instant(row.getTimestamp("paused_since"), now));
            String service = row.getString("service");
            BusinessCalendar calendar = service == null ? BusinessCalendar.ALWAYS
                : byService.computeIfAbsent(service, hours::ofService);
            times.put(row.getString("number"), new Times(calendar.workingTimeBetween(reported, responded),
                calendar.workingTimeBetween(reported, resolvedOrPaused).minusSeconds(row.getLong("paused_seconds"))));
          });
    }
    return times;
  }

  private static Instant instant(java.sql.Timestamp timestamp, Instant otherwise) {
    return timestamp == null ? otherwise : timestamp.toInstant();
  }
}
