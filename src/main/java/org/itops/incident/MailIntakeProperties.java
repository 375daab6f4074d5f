package org.itops.incident;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incidents by mail (prefix {@code itops.mail.intake}): the mailbox the suite polls over IMAP.
 *
 * @param enabled poll on schedule
 * @param protocol {@code imap} or {@code imaps}
 * @param folder where new mail arrives
 * @param processedFolder where handled mail is moved
 * @param errorFolder where mail that cannot be handled (unknown sender, unreadable) is moved, for a person to see
 * @param defaultCategory the category of incidents reported by mail (triage corrects it)
 * @param maxPerPoll mails handled per poll, so that one poll stays short
 * @param acceptedDomains the domains whose mail is read ({@code example.org}: exactly that domain); empty: any
 * @param timeout the longest a poll waits for the IMAP server to accept the connection, and then for each answer
 */
@ConfigurationProperties("itops.mail.intake")
record MailIntakeProperties(
    boolean enabled,
    @DefaultValue("127.0.0.1") String host,
    @DefaultValue("143") int port,
    @DefaultValue("imap") String protocol,
    String username,
    String password,
    @DefaultValue("INBOX") String folder,
    @DefaultValue("ITOps-Processed") String processedFolder,
    @DefaultValue("ITOps-Errors") String errorFolder,
    @DefaultValue("PT1M") Duration pollInterval,
    @DefaultValue("workplace") String defaultCategory,
    @DefaultValue("50") int maxPerPoll,
    @DefaultValue List<String> acceptedDomains,
    @DefaultValue("PT1M") Duration timeout) {

  MailIntakeProperties {
    // Jakarta Mail reads 0 as "wait without end", which is what the timeout is there to prevent
    if (timeout.isNegative() || timeout.toMillis() == 0) {
      throw new IllegalArgumentException("itops.mail.intake.timeout must be at least a millisecond, not " + timeout);
    }
  }
}
