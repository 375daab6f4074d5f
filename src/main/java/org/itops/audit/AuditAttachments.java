package org.itops.audit;

import org.itops.attachment.AttachingRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Audits take attachments, {@code /api/audits/{number}/attachments} (package attachment): the evidence the suite
 * generates per control ({@link EvidenceReports}) and the files the control owners add; for the audit's readers.
 */
@Configuration(proxyBeanMethods = false)
class AuditAttachments {

  @Bean
  AttachingRecords auditsTakeAttachments(AuditRepository audits) {
    return new AttachingRecords("audits", AuditProcess.RECORD_PREFIX, AuditProcess.KEY,
        number -> audits.audit(number).isPresent());
  }
}
