package org.itops.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The engine's jobs as Prometheus scrapes them, for the suite's own alerting rules (integrations/prometheus):
 * {@code itops_jobs_due}, the jobs and timers due and not yet done (mail steps behind a slow SMTP server, a stopped
 * job executor), and {@code itops_jobs_failed}, the jobs that have no retries left (incidents in Cockpit). Counted
 * in the database at each scrape: every node of a cluster reports the same figures.
 */
@Component
class JobMetrics implements SmartInitializingSingleton {

  private final MeterRegistry meters;
  private final ManagementService managementService;

  JobMetrics(MeterRegistry meters, ManagementService managementService) {
    this.meters = meters;
    this.managementService = managementService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Gauge.builder("itops.jobs.due", () -> managementService.createJobQuery().executable().count())
        .description("Jobs and timers that are due and have retries left, not yet done").register(meters);
    Gauge.builder("itops.jobs.failed", () -> managementService.createJobQuery().noRetriesLeft().count())
        .description("Jobs without retries left: incidents in Cockpit until someone retries them").register(meters);
  }
}
