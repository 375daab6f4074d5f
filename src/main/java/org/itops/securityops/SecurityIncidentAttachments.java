package org.itops.securityops;

import org.itops.attachment.AttachingRecords;
import org.itops.platform.CurrentUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Security incidents take attachments: {@code /api/security-incidents/{number}/attachments} (package attachment).
 * Their reporter, who reads only the receipt, adds evidence while the incident is open and sees only the files they
 * added: names they know already, which tell nothing of the investigation; the team's evidence stays the team's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityIncidentAttachments {

  @Bean
  AttachingRecords securityIncidentsTakeAttachments(SecurityIncidentRepository records, CurrentUser currentUser) {
    return new AttachingRecords("security-incidents", SecurityIncidentProcess.RECORD_PREFIX,
        SecurityIncidentProcess.KEY, number -> records.find(number).isPresent(), number -> records.find(number)
            .filter(incident -> incident.reporter().equals(currentUser.id())
                && incident.status() != SecurityIncident.Status.CLOSED)
            .isPresent() ? AttachingRecords.Access.ADD_OWN : AttachingRecords.Access.NONE);
  }
}
