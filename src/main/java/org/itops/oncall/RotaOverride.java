package org.itops.oncall;

import java.time.Instant;

/** Someone on duty instead of a rota's rotation in {@code [from, to)}: a swap, a holiday. */
public record RotaOverride(long id, String person, Instant from, Instant to, String reason, String createdBy) {

  boolean covers(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(to);
  }

  boolean overlaps(Instant otherFrom, Instant otherTo) {
    return otherFrom.isBefore(to) && from.isBefore(otherTo);
  }
}
