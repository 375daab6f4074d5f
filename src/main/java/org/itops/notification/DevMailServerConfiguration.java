package org.itops.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On the embedded default, an SMTP server inside the suite (GreenMail) on 127.0.0.1, so that the mail of the
 * processes goes over real SMTP and can be read at {@code /mailbox} without installing anything. Off in
 * production (the prod profile sets {@code itops.mail.dev-server.enabled=false}); kept in memory only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("itops.mail.dev-server.enabled")
class DevMailServerConfiguration {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail devMailServer(NotificationProperties properties) {
    return new GreenMail(new ServerSetup(properties.devServer().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }
}
