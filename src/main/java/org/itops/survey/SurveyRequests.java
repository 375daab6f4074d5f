package org.itops.survey;

import org.itops.platform.RequesterRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The surveys a person was sent, in "My requests": open until answered or expired. */
@Configuration(proxyBeanMethods = false)
class SurveyRequests {

  @Bean
  RequesterRecords.Source surveysOfRespondent() {
    return new RequesterRecords.Source(SurveyService.RECORD_PREFIX,
        "select number, title, case when answered_at is not null then 'ANSWERED' when expires_at <= :now"
            + " then 'EXPIRED' else 'SENT' end as status, cast(null as varchar(10)) as priority, created_at,"
            + " expires_at as due_at, case when answered_at is not null then answered_at when expires_at <= :now"
            + " then expires_at end as closed_at from survey where respondent = :user");
  }
}
