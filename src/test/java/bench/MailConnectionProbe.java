package bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * What a mail over a connection of its own costs in CPU, client and GreenMail server in this JVM, with the suite's
 * SMTP timeouts: the write timeout on a thread pool that Jakarta Mail starts for each connection, or on one thread
 * given to it ({@code notification.MailWriteTimeouts}). Alternates the two, 3 times, {@code -Dbench.mails} (1500)
 * mails each, one after the other.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=bench.MailConnectionProbe}
 */
public final class MailConnectionProbe {

  public static void main(String[] args) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int mails = Integer.getInteger("bench.mails", 1500);
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    ScheduledThreadPoolExecutor oneThread = new ScheduledThreadPoolExecutor(1);
    oneThread.setRemoveOnCancelPolicy(true);
    for (int round = 1; round <= 3; round++) {
      for (boolean shared : new boolean[] {false, true}) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        if (shared) {
          properties.put("mail.smtp.executor.writetimeout", oneThread);
        }
        sender.setJavaMailProperties(properties);
        long cpu = os.getProcessCpuTime();
        for (int i = 0; i < mails; i++) {
          MimeMessage mail = sender.createMimeMessage();
          MimeMessageHelper helper = new MimeMessageHelper(mail, "UTF-8");
          helper.setFrom("itops@localhost");
          helper.setTo("user" + (i % 20) + "@itops.localhost");
          helper.setSubject("INC-000123 is assigned to you");
          helper.setText("The incident INC-000123 waits for you in Tasklist.");
          sender.send(mail);
        }
        System.out.printf(Locale.ROOT, "round %d, write timeouts on %s: %.2f ms CPU per mail%n", round,
            shared ? "one thread" : "a pool per connection", (os.getProcessCpuTime() - cpu) / 1e6 / mails);
      }
    }
    oneThread.shutdownNow();
    server.stop();
  }
}
