package org.itops.securityops;

import org.itops.attachment.AttachingRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Security incidents take attachments: {@code /api/security-incidents/{number}/attachments} (package attachment). */
@Configuration(proxyBeanMethods = false)
class SecurityIncidentAttachments {

  @Bean
  AttachingRecords securityIncidentsTakeAttachments(SecurityIncidentRepository records) {
    return new AttachingRecords("security-incidents", SecurityIncidentProcess.RECORD_PREFIX,
        SecurityIncidentProcess.KEY, number -> records.find(number).isPresent());
  }
}
