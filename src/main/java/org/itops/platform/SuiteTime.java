package org.itops.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Dates as people read them: in the suite's zone ({@code itops.time-zone}) with its offset, e.g.
 * {@code 2026-12-01 09:30 (UTC+08:00)}, the same in both languages. The database and the API keep UTC instants.
 */
@Component
public class SuiteTime {

  /**
   * A process variable naming the zone in which the instance's dates are shown and mailed instead of the suite's (an
   * incident on a service with a business calendar: its due times in the calendar's zone).
   */
  public static final String ZONE_VARIABLE = "shownTimeZone";

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(UTC'xxx')'");

  private final ZoneId zone;

  SuiteTime(SuiteProperties properties) {
    this.zone = properties.zone();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The instant as people read it; empty for null. */
  public String format(Instant instant) {
    return instant == null ? "" : SHOWN.format(instant.atZone(zone));
  }

  public String format(Date date) {
    return date == null ? "" : format(date.toInstant());
  }

  /** The date as people read it in the zone that the instance's {@link #ZONE_VARIABLE} names, else the suite's. */
  public String format(Date date, Object zoneVariable) {
    return date == null ? "" : SHOWN.format(date.toInstant().atZone(zoneOf(zoneVariable)));
  }

  private ZoneId zoneOf(Object zoneVariable) {
    try {
      return zoneVariable == null ? zone : ZoneId.of(zoneVariable.toString());
    } catch (DateTimeException notAZone) {
      return zone;
    }
  }
}
