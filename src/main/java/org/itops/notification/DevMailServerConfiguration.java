package org.itops.notification;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * On the embedded default, an SMTP server inside the suite (GreenMail) on 127.0.0.1, so that the mail of the
 * processes goes over real SMTP and can be read at {@code /mailbox} without installing anything. Off in
 * production (the prod profile sets {@code itops.mail.dev-server.enabled=false}); kept in memory only, so each
 * address keeps its newest {@code itops.mail.dev-server.keep-per-address} mails: a suite left running on the
 * embedded default would otherwise hold every mail it ever sent in its heap.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("itops.mail.dev-server.enabled")
class DevMailServerConfiguration {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail devMailServer(NotificationProperties properties) {
    return new GreenMail(new ServerSetup(properties.devServer().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  @Bean
  DevMailboxLimit devMailboxLimit(GreenMail devMailServer, NotificationProperties properties) {
    return new DevMailboxLimit(devMailServer, properties.devServer().keepPerAddress());
  }

  /** Removes the oldest mails of each address beyond the limit, once a minute. */
  static class DevMailboxLimit {

    private final GreenMail server;
    private final int keepPerAddress;

    DevMailboxLimit(GreenMail server, int keepPerAddress) {
      this.server = server;
      this.keepPerAddress = keepPerAddress;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void removeOldest() throws FolderException {
      for (GreenMailUser user : server.getUserManager().listUser()) {
        MailFolder inbox = server.getManagers().getImapHostManager().getInbox(user);
        // a copy taken under the folder's lock: the live list of its messages grows while mail arrives
        long[] uids = inbox.getMessageUids();
        if (uids.length <= keepPerAddress) {
          continue;
        }
        // in the order received: the first ones are the oldest
        for (int i = 0; i < uids.length - keepPerAddress; i++) {
          inbox.setFlags(new Flags(Flags.Flag.DELETED), true, uids[i], null, false);
        }
        inbox.expunge();
      }
    }
  }
}
