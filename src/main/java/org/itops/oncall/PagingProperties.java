package org.itops.oncall;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paging (prefix {@code itops.paging}).
 *
 * @param webhookUrl where each page is also posted as JSON (a paging or chat system); none when blank
 * @param webhookSecret signs the webhook's body ({@code X-Itops-Signature: sha256=<hex HMAC-SHA256>}); the receiver
 *     checks it with the same secret
 * @param linkSecret signs the acknowledge links in the mails; production sets its own ({@code ITOPS_PAGING_SECRET})
 * @param acknowledgeWithin per priority, how long a page waits for its acknowledgement before it escalates
 * @param defaultAcknowledgeWithin for a priority without its own
 */
@ConfigurationProperties("itops.paging")
public record PagingProperties(String webhookUrl, String webhookSecret, String linkSecret,
    @DefaultValue Map<String, Duration> acknowledgeWithin, @DefaultValue("PT10M") Duration defaultAcknowledgeWithin) {

  public PagingProperties {
    if (linkSecret == null || linkSecret.length() < 16) {
      throw new IllegalArgumentException("itops.paging.link-secret must have at least 16 characters"
          + " (ITOPS_PAGING_SECRET)");
    }
    // an unsigned page could be forged by anyone who can reach the receiver
    if (webhookUrl != null && !webhookUrl.isBlank() && (webhookSecret == null || webhookSecret.length() < 16)) {
      throw new IllegalArgumentException("itops.paging.webhook-secret must have at least 16 characters when"
          + " itops.paging.webhook-url is set");
    }
  }

  Duration acknowledgeWithin(String priority) {
    return acknowledgeWithin.getOrDefault(priority, defaultAcknowledgeWithin);
  }

  boolean hasWebhook() {
    return webhookUrl != null && !webhookUrl.isBlank();
  }
}
