package org.itops.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The response and resolution clock of an incident. Both run from the report; time spent waiting for the
 * requester (and between resolution and a reopen) is paused and moves the resolution due time, the warning
 * (at 80% of the resolution target) with it. The response clock is never paused.
 *
 * @param pausedSeconds time paused so far
 * @param pausedSince when the current pause began, or null when the clock runs
 */
record SlaClock(Instant reportedAt, Duration responseTarget, Duration resolutionTarget, long pausedSeconds,
    Instant pausedSince) {

  static final double WARNING_SHARE = 0.8;

  static Duration duration(String isoDuration) {
    if (isoDuration == null) {
      return null;
    }
    try {
      return Duration.parse(isoDuration);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + isoDuration + "' is not an ISO-8601 duration such as PT15M, PT4H"
          + " or P3D; correct the DMN table service-level-targets", e);
    }
  }

  Instant responseDue() {
    return reportedAt.plus(responseTarget);
  }

  Instant resolutionDue() {
    return reportedAt.plus(resolutionTarget).plusSeconds(pausedSeconds);
  }

  Instant warningDue() {
    return reportedAt.plusMillis(Math.round(resolutionTarget.toMillis() * WARNING_SHARE)).plusSeconds(pausedSeconds);
  }

  boolean isPaused() {
    return pausedSince != null;
  }

  SlaClock pause(Instant now) {
    return isPaused() ? this : new SlaClock(reportedAt, responseTarget, resolutionTarget, pausedSeconds, now);
  }

  SlaClock resume(Instant now) {
    if (!isPaused()) {
      return this;
    }
    long paused = Math.max(0, Math.round(Duration.between(pausedSince, now).toMillis() / 1000.0));
    return new SlaClock(reportedAt, responseTarget, resolutionTarget, pausedSeconds + paused, null);
  }

  /** Other targets (after a priority change), measured from the same report and keeping the paused time. */
  SlaClock withTargets(Duration response, Duration resolution) {
    return new SlaClock(reportedAt, response, resolution, pausedSeconds, pausedSince);
  }
}
