package org.itops.incident;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Polls the mailbox when {@code itops.mail.intake.enabled}. A scheduler rather than a BPMN timer: it is plumbing,
 * no process owner's rule. Several nodes may poll the same mailbox: a mail is handled once (its Message-ID).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("itops.mail.intake.enabled")
class MailIntakeSchedule {

  private final MailIntake intake;

  MailIntakeSchedule(MailIntake intake) {
    this.intake = intake;
  }

  @Scheduled(fixedDelayString = "${itops.mail.intake.poll-interval:PT1M}", initialDelayString = "PT10S")
  void poll() {
    intake.poll();
  }
}
