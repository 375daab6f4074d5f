package org.itops.audit;

import org.itops.platform.SuiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of the evidence files in the suite's language ({@code evidence.*}): the files are made by the process,
 * not for one request, and are kept as they were made.
 */
@Component
class EvidenceTexts {

  private final MessageSource messages;
  private final SuiteProperties suite;

  EvidenceTexts(MessageSource messages, SuiteProperties suite) {
    this.messages = messages;
    this.suite = suite;
  }

  String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, suite.language());
  }
}
