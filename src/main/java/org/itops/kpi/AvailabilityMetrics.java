package org.itops.kpi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.itops.catalog.CatalogEntry;
import org.itops.catalog.ServiceCatalog;
import org.itops.catalog.ServicePublished;
import org.itops.platform.SuiteTime;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code itops_service_availability_ratio{service}}: the availability (0-1) of each published service with an
 * availability target in this month so far (the suite's zone), as {@code /api/kpis} measures it. A service has its
 * gauge from the start of the suite or from its publication on; the gauges read figures measured at most once a
 * minute whatever the number of scrapes, in one query over the month's outages. A service without a target any more
 * (retired, or its SLA changed) reads NaN.
 */
@Component
class AvailabilityMetrics {

  static final String NAME = "itops.service.availability.ratio";
  private static final Duration FRESH = Duration.ofMinutes(1);

  private final MeterRegistry meters;
  private final KpiService kpis;
  private final ServiceCatalog catalog;
  private final Clock clock;
  private final SuiteTime time;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private Map<String, Double> ratios = Map.of();
  private Instant measuredAt;

  AvailabilityMetrics(MeterRegistry meters, KpiService kpis, ServiceCatalog catalog, Clock clock, SuiteTime time) {
    this.meters = meters;
    this.kpis = kpis;
    this.catalog = catalog;
    this.clock = clock;
    this.time = time;
  }

  @EventListener(ApplicationReadyEvent.class)
  void registerThePublishedServices() {
    catalog.list(CatalogEntry.Status.PUBLISHED).stream().filter(s -> s.availabilityTarget() != null)
        .forEach(s -> register(s.name()));
  }

  /** After the publication commits: a gauge registered for a rolled-back one would only read NaN, but none is. */
  @TransactionalEventListener(fallbackExecution = true)
  synchronized void published(ServicePublished service) {
    register(service.name());
    measuredAt = null; // its target may be new or changed
  }

  private void register(String service) {
    if (registered.add(service)) {
      Gauge.builder(NAME, () -> ratios().getOrDefault(service, Double.NaN))
          .description("Availability of the service in its hours of service this month so far (0-1)")
          .tag("service", service).register(meters);
    }
  }

  /** The ratios of this month so far, measured again when older than a minute. */
  synchronized Map<String, Double> ratios() {
    Instant now = clock.instant();
    if (measuredAt == null || !now.isBefore(measuredAt.plus(FRESH)) || now.isBefore(measuredAt)) {
      measure(now);
    }
    return ratios;
  }

  /** Measures now, whatever was measured before (the tests, which move the suite's clock and write outages). */
  synchronized void measure(Instant now) {
    YearMonth month = YearMonth.from(now.atZone(time.zone()));
    Map<String, Double> measured = new LinkedHashMap<>();
    kpis.availability(month.atDay(1).atStartOfDay(time.zone()).toInstant(),
        month.plusMonths(1).atDay(1).atStartOfDay(time.zone()).toInstant(), null)
        .forEach(a -> measured.put(a.service(), a.ratio() == null ? Double.NaN : a.ratio()));
    ratios = measured;
    measuredAt = now;
  }
}
