package org.itops.platform;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock our records and SLA calculations read; tests replace it to move time. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  /** Milliseconds, the precision of the engine's timers, so that due times compare equal. */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }
}
