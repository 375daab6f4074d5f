package org.itops.change;

import org.itops.attachment.AttachingRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Changes take attachments: {@code /api/changes/{number}/attachments} (package attachment). */
@Configuration(proxyBeanMethods = false)
class ChangeAttachments {

  @Bean
  AttachingRecords changesTakeAttachments(ChangeRepository records) {
    return new AttachingRecords("changes", ChangeProcess.RECORD_PREFIX, ChangeProcess.KEY,
        number -> records.find(number).isPresent());
  }
}
