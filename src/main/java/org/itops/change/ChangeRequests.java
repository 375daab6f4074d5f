package org.itops.change;

import org.itops.platform.RequesterRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The changes a person raised, in "My requests": their risk as priority, due at the planned start. */
@Configuration(proxyBeanMethods = false)
class ChangeRequests {

  @Bean
  RequesterRecords.Source changesOfRequester() {
    return new RequesterRecords.Source(ChangeProcess.RECORD_PREFIX,
        "select number, summary as title, status, risk as priority, created_at, planned_start as due_at,"
            + " closed_at from change_request where requester = :user");
  }
}
