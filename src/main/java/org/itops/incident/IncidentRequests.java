package org.itops.incident;

import org.itops.platform.RequesterRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A requester's incidents in "My requests": those they reported, due at their resolution target. */
@Configuration(proxyBeanMethods = false)
class IncidentRequests {

  @Bean
  RequesterRecords.Source incidentsOfReporter() {
    return new RequesterRecords.Source(IncidentProcess.RECORD_PREFIX,
        "select number, title, status, priority, reported_at as created_at, resolution_due as due_at, closed_at"
            + " from incident where reporter = :user");
  }
}
