package org.itops.demo;

import java.time.Instant;
import org.joda.time.DateTimeUtils;

/**
 * The engine's clock with the demo's days for the loading thread only: every other thread (people's requests, which
 * the web server answers while the month loads) keeps today's time.
 *
 * <p>Camunda's ClockUtil, which the suite's clock follows too (platform.TimeConfiguration), reads Joda-Time's
 * DateTimeUtils and sets its time only for all threads at once; Joda lets its time source be replaced, so the
 * engine's time is the loading thread's demo time while it is installed, and the system's time elsewhere.
 */
final class DemoClock implements DateTimeUtils.MillisProvider {

  private final ThreadLocal<Long> demoTime = new ThreadLocal<>();

  @Override
  public long getMillis() {
    Long millis = demoTime.get();
    return millis != null ? millis : System.currentTimeMillis();
  }

  /** From now on the engine's time is this clock's (today's outside of the demo's time). */
  void install() {
    DateTimeUtils.setCurrentMillisProvider(this);
  }

  /** The engine's time is the system's again, for every thread. */
  void uninstall() {
    demoTime.remove();
    DateTimeUtils.setCurrentMillisSystem();
  }

  /** The calling thread's engine time is this moment until it is moved again. */
  void at(Instant time) {
    demoTime.set(time.toEpochMilli());
  }
}
