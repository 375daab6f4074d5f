package org.itops.platform;

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
}
