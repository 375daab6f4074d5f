package org.itops.knowledge;

import org.itops.attachment.AttachingRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Knowledge articles take attachments: {@code /api/knowledge/{number}/attachments} (package attachment). */
@Configuration(proxyBeanMethods = false)
class KnowledgeAttachments {

  @Bean
  AttachingRecords articlesTakeAttachments(KnowledgeRepository records) {
    return new AttachingRecords("knowledge", KnowledgeProcess.RECORD_PREFIX, KnowledgeProcess.KEY,
        number -> records.find(number).isPresent());
  }
}
