package org.itops.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.itops.calendar.BusinessCalendar;

/**
 * The availability arithmetic (issue 18): of a service over a period, 1 - (the time it was down) / (its service
 * time), both counted in its hours of service. The outages are clipped to the period (an outage across its start or
 * end counts only its part inside) and merged (two incidents on one outage count its time once).
 */
final class Availability {

  /** An outage from {@code start} to {@code end}; a null end is one still under way (down up to the period end). */
  record Outage(Instant start, Instant end) {}

  /** The service time of the period and the part of it the service was down. */
  record Measured(Duration serviceTime, Duration downTime) {

    /** The share of the service time the service was up (0-1), null for a period without service time. */
    Double ratio() {
      return serviceTime.isZero() ? null : 1 - (double) downTime.toMillis() / serviceTime.toMillis();
    }
  }

  /** The availability of {@code [from, to)} in the hours of service. */
  static Measured of(List<Outage> outages, Instant from, Instant to, BusinessCalendar hours) {
    List<Outage> clipped = new ArrayList<>();
    for (Outage outage : outages) {
      Instant start = outage.start().isBefore(from) ? from : outage.start();
      Instant end = outage.end() == null || outage.end().isAfter(to) ? to : outage.end();
      if (start.isBefore(end)) {
        clipped.add(new Outage(start, end));
      }
    }
    clipped.sort(Comparator.comparing(Outage::start));
    Duration down = Duration.ZERO;
    Instant start = null;
    Instant end = null;
    for (Outage outage : clipped) {
      if (end != null && !outage.start().isAfter(end)) {
        end = outage.end().isAfter(end) ? outage.end() : end; // overlaps or touches the one before: one outage
        continue;
      }
      if (end != null) {
        down = down.plus(hours.workingTimeBetween(start, end));
      }
      start = outage.start();
      end = outage.end();
    }
    if (end != null) {
      down = down.plus(hours.workingTimeBetween(start, end));
    }
    return new Measured(to.isAfter(from) ? hours.workingTimeBetween(from, to) : Duration.ZERO, down);
  }

  private Availability() {}
}
