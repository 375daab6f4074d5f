package org.itops.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How long incidents took to be responded to and resolved as their SLA clock counts ({@link SlaClock}): the response
 * from the report to the taking, the resolution from the report to the resolution less the time paused for the
 * requester; for one still open, the time so far. For comparing them with other targets (a what-if of
 * {@code service-level-targets}).
 */
@Component
public class SlaElapsed {

  /** A response or resolution took longer than its target: a breach. */
  public record Times(Duration response, Duration resolution) {}

  private static final int CHUNK = 500;

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  SlaElapsed(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The times of the incidents among the numbers (other numbers are not incidents and have none). */
  public Map<String, Times> of(Collection<String> numbers) {
    Instant now = clock.instant();
    List<String> all = List.copyOf(numbers);
    Map<String, Times> times = new HashMap<>();
    for (int start = 0; start < all.size(); start += CHUNK) {
      jdbc.query("select number, reported_at, responded_at, resolved_at, paused_since, paused_seconds from incident"
          + " where number in (:numbers)", new MapSqlParameterSource("numbers",
              all.subList(start, Math.min(all.size(), start + CHUNK))), row -> {
            Instant reported = row.getTimestamp("reported_at").toInstant();
            Instant responded = instant(row.getTimestamp("responded_at"), now);
            Instant resolvedOrPaused = instant(row.getTimestamp("resolved_at"),
                instant(row.getTimestamp("paused_since"), now));
            times.put(row.getString("number"), new Times(Duration.between(reported, responded),
                Duration.between(reported, resolvedOrPaused).minusSeconds(row.getLong("paused_seconds"))));
          });
    }
    return times;
  }

  private static Instant instant(java.sql.Timestamp timestamp, Instant otherwise) {
    return timestamp == null ? otherwise : timestamp.toInstant();
  }
}
