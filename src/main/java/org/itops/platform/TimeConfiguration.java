package org.itops.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock our records and SLA calculations read; tests replace it to move time. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  /**
   * The engine's clock, so that our records and the engine's history, timers and tasks agree on the time, also when
   * the demo data moves it back for its loading thread at the first start (demo.DemoData). Milliseconds, the
   * precision of the engine's timers, so that due times compare equal. The engine's clock is read through ClockUtil,
   * of Camunda's {@code impl} packages.
   */
  @Bean
  Clock clock() {
    return new EngineClock(ZoneOffset.UTC);
  }

  /** The engine's time, seen in a zone (a caller that asks for another zone gets it). */
  private static final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(zone);
    }
  }
}
