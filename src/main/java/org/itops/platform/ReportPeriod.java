package org.itops.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The period a report looks back on (the KPIs, a decision table's what-if), given as ISO instants or dates (days in
 * the suite's zone), at most {@link #LONGEST} long; a bound not given is the caller's default.
 */
public record ReportPeriod(Instant from, Instant to) {

  public static final Duration LONGEST = Duration.ofDays(400);

  /** A period of which the caller has both bounds (it checked that they are given). */
  public static ReportPeriod of(String from, String to, ZoneId zone) {
    return of(from, to, new ReportPeriod(null, null), zone);
  }

  public static ReportPeriod of(String from, String to, ReportPeriod otherwise, ZoneId zone) {
    Instant start = parse("from", from, otherwise.from(), zone);
    Instant end = parse("to", to, otherwise.to(), zone);
    if (!end.isAfter(start) || Duration.between(start, end).compareTo(LONGEST) > 0) {
      throw new InvalidRequestException("to", "reason.period", LONGEST.toDays());
    }
    return new ReportPeriod(start, end);
  }

  private static Instant parse(String field, String text, Instant otherwise, ZoneId zone) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return text.strip().length() == 10 ? LocalDate.parse(text.strip()).atStartOfDay(zone).toInstant()
          : Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(field, "reason.notADateOrInstant", text);
    }
  }
}
