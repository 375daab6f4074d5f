package org.itops.knowledge;

import org.itops.attachment.AttachingRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Knowledge articles take attachments: {@code /api/knowledge/{number}/attachments} (package attachment). Whoever reads
 * a published article lists and downloads them.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeAttachments {

  @Bean
  AttachingRecords articlesTakeAttachments(KnowledgeRepository records) {
    // the readers of a published article read its files too; adding one is editing the article (its staff)
    return new AttachingRecords("knowledge", KnowledgeProcess.RECORD_PREFIX, KnowledgeProcess.KEY,
        number -> records.find(number).isPresent(), number -> records.find(number).filter(Article::readByEverybody)
            .isPresent() ? AttachingRecords.Access.READ : AttachingRecords.Access.NONE);
  }
}
