package org.itops.incident;

import org.itops.attachment.AttachingRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Incidents take attachments: {@code /api/incidents/{number}/attachments} (package attachment). */
@Configuration(proxyBeanMethods = false)
class IncidentAttachments {

  @Bean
  AttachingRecords incidentsTakeAttachments(IncidentRepository records) {
    return new AttachingRecords("incidents", IncidentProcess.RECORD_PREFIX, IncidentProcess.KEY,
        number -> records.find(number).isPresent());
  }
}
