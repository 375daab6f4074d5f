package org.itops.incident;

import org.itops.calendar.BusinessCalendar;
import org.itops.platform.RequesterRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A requester's incidents in "My requests": those they reported, due at their resolution target, which counts in the
 * zone of its service's calendar (the suite's for 24x7 services, as on the incident's own page).
 */
@Configuration(proxyBeanMethods = false)
class IncidentRequests {

  @Bean
  RequesterRecords.Source incidentsOfReporter(ServiceHours hours) {
    return new RequesterRecords.Source(IncidentProcess.RECORD_PREFIX,
        "select number, title, status, priority, reported_at as created_at, resolution_due as due_at, closed_at,"
            + " service as due_in from incident where reporter = :user",
        service -> {
          BusinessCalendar calendar = hours.ofService(service);
          return calendar.isAlways() ? null : calendar.zone();
        });
  }
}
