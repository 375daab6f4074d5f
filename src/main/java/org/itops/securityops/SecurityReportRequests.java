package org.itops.securityops;

import org.itops.platform.RequesterRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A reporter's security reports in "My requests": only what their receipt shows
 * ({@link SecurityIncident.ReporterView}), the status as in progress or closed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityReportRequests {

  @Bean
  RequesterRecords.Source securityReportsOfReporter() {
    return new RequesterRecords.Source(SecurityIncidentProcess.RECORD_PREFIX,
        "select number, summary as title, case when status = 'CLOSED' then 'CLOSED' else 'IN_PROGRESS' end"
            + " as status, severity as priority, reported_at as created_at, cast(null as timestamp) as due_at,"
            + " closed_at from security_incident where reporter = :user");
  }
}
