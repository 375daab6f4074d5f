package org.itops.demand;

import org.itops.attachment.AttachingRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Demands take attachments: {@code /api/demands/{number}/attachments} (package attachment). */
@Configuration(proxyBeanMethods = false)
class DemandAttachments {

  @Bean
  AttachingRecords demandsTakeAttachments(DemandRepository records) {
    return new AttachingRecords("demands", DemandProcess.RECORD_PREFIX, DemandProcess.KEY,
        number -> records.find(number).isPresent());
  }
}
