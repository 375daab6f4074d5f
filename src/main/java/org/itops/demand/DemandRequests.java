package org.itops.demand;

import org.itops.platform.RequesterRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A requester's demands in "My requests", due on the date they asked for. */
@Configuration(proxyBeanMethods = false)
class DemandRequests {

  @Bean
  RequesterRecords.Source demandsOfRequester() {
    return new RequesterRecords.Source(DemandProcess.RECORD_PREFIX,
        "select number, title, status, cast(null as varchar(10)) as priority, created_at,"
            + " cast(requested_date as timestamp) as due_at, closed_at from demand where requester = :user");
  }
}
