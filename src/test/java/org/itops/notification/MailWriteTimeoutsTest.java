package org.itops.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The write timeouts of the suite's SMTP connections run on one thread of the suite's, not on a thread pool that
 * Jakarta Mail starts and stops for each connection, and mail still goes out with them (a real SMTP server).
 */
@SuiteTest
class MailWriteTimeoutsTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired JavaMailSenderImpl mailSender;

  @Test
  void eachConnectionTimesItsWritesOnTheSuitesOneThread() throws Exception {
    Object executor = mailSender.getSession().getProperties().get(MailWriteTimeouts.SMTP);
    assertThat(executor).isInstanceOf(ScheduledThreadPoolExecutor.class);
    ScheduledThreadPoolExecutor timeouts = (ScheduledThreadPoolExecutor) executor;

    for (int i = 0; i < 2; i++) {
      MimeMessage mail = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mail, "UTF-8");
      helper.setFrom("itops@localhost");
      helper.setTo("ann@itops.localhost");
      helper.setSubject("Write timeouts " + i);
      helper.setText("Sent over a connection of its own.");
      mailSender.send(mail); // a connection each
    }

    assertThat(TestMail.subjects(smtp)).containsExactly("Write timeouts 0", "Write timeouts 1");
    // its thread starts with the first timeout scheduled on it: Jakarta Mail used it (a cancelled one is not counted)
    assertThat(timeouts.getPoolSize()).isEqualTo(1);
    assertThat(timeouts.getQueue()).as("timeouts of finished writes are removed, not left for 10 s").isEmpty();
  }
}
