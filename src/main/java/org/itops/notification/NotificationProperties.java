package org.itops.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings of the suite (prefix {@code itops.mail}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from the sender address of every mail
 * @param devServer the SMTP server inside the suite for the embedded default
 */
@ConfigurationProperties("itops.mail")
record NotificationProperties(@DefaultValue("itops@localhost") String from, @DefaultValue DevServer devServer) {

  /**
   * @param enabled start the dev mail server (never in production)
   * @param smtpPort its SMTP port on 127.0.0.1; {@code spring.mail.port} must point to it
   * @param keepPerAddress the newest mails each address keeps (in memory); older ones are removed once a minute
   */
  record DevServer(boolean enabled, @DefaultValue("3025") int smtpPort, @DefaultValue("500") int keepPerAddress) {
    DevServer {
      if (keepPerAddress < 1) {
        throw new IllegalArgumentException("itops.mail.dev-server.keep-per-address must be 1 or more, not "
            + keepPerAddress);
      }
    }
  }
}
