package org.itops.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.itops.calendar.BusinessCalendar;

/**
 * The response and resolution clock of an incident. Both run from the report and count the working time of the
 * service's calendar (every instant for 24x7); time spent waiting for the requester (and between resolution and a
 * reopen) is paused and moves the resolution due time, the warning (at 80% of the resolution target) with it, by the
 * working time paused. The response clock is never paused. A change to the calendar leaves the working time counted
 * before it as it was counted ({@link #recounted}): the shift it records moves every due time.
 *
 * @param pausedSeconds working time paused so far
 * @param pausedSince when the current pause began, or null when the clock runs
 * @param shiftSeconds working time the calendar counts now before each of its changes, less what it counted there as it
 *     was (negative after a holiday added in the past); added to every target, so the time counted before stays
 * @param calendar the hours of service that the clock counts
 */
record SlaClock(Instant reportedAt, Duration responseTarget, Duration resolutionTarget, long pausedSeconds,
    Instant pausedSince, long shiftSeconds, BusinessCalendar calendar) {

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
    return due(responseTarget);
  }

  Instant resolutionDue() {
    return due(resolutionTarget.plusSeconds(pausedSeconds));
  }

  Instant warningDue() {
    Duration warning = Duration.ofMillis(Math.round(resolutionTarget.toMillis() * WARNING_SHARE));
    return due(warning.plusSeconds(pausedSeconds));
  }

  /**
   * When that much working time has passed since the report, less the shift; at the report for a target that the
   * time counted before a calendar change exceeds (the due time passed before the change).
   */
  private Instant due(Duration target) {
    Duration shifted = target.plusSeconds(shiftSeconds);
    return calendar.addWorkingTime(reportedAt, shifted.isNegative() ? Duration.ZERO : shifted);
  }

  boolean isPaused() {
    return pausedSince != null;
  }

  SlaClock pause(Instant now) {
    return isPaused() ? this
        : new SlaClock(reportedAt, responseTarget, resolutionTarget, pausedSeconds, now, shiftSeconds, calendar);
  }

  SlaClock resume(Instant now) {
    if (!isPaused()) {
      return this;
    }
    long paused = seconds(calendar.workingTimeBetween(pausedSince, now));
    return new SlaClock(reportedAt, responseTarget, resolutionTarget, pausedSeconds + paused, null, shiftSeconds,
        calendar);
  }

  /**
   * The clock in the changed calendar from the moment of the change: the working time up to it stays as this
   * clock's calendar counted it, and only what remains counts in the changed one. A pause under way that the change
   * counts differently keeps the working time it lasted so far, counted as it was, and goes on from the change.
   */
  SlaClock recounted(BusinessCalendar changed, Instant at) {
    boolean pauseCountsOtherwise = isPaused()
        && !calendar.workingTimeBetween(pausedSince, at).equals(changed.workingTimeBetween(pausedSince, at));
    SlaClock split = pauseCountsOtherwise ? resume(at).pause(at) : this;
    long shift = seconds(calendar.workingTimeBetween(reportedAt, at))
        - seconds(changed.workingTimeBetween(reportedAt, at));
    return new SlaClock(reportedAt, responseTarget, resolutionTarget, split.pausedSeconds, split.pausedSince,
        shiftSeconds - shift, changed);
  }

  /** Other targets (after a priority change), measured from the same report and keeping the paused time. */
  SlaClock withTargets(Duration response, Duration resolution) {
    return new SlaClock(reportedAt, response, resolution, pausedSeconds, pausedSince, shiftSeconds, calendar);
  }

  private static long seconds(Duration duration) {
    return Math.round(duration.toMillis() / 1000.0);
  }
}
