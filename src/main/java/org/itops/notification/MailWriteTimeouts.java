package org.itops.notification;

import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One thread for the write timeouts of every SMTP connection. With {@code mail.smtp.writetimeout} set (the suite sets
 * it, so that a mail server that stops reading fails the delivery's job instead of holding it), Jakarta Mail starts a
 * thread pool of its own for each connection unless it is given one; the suite opens a connection for each mail
 * delivery, so that was a thread started and stopped for every mail (docs/benchmarks.md, "One thread for the write
 * timeouts").
 */
@Component
class MailWriteTimeouts implements BeanPostProcessor, DisposableBean {

  /** Jakarta Mail's property for the executor of the write timeouts, for SMTP and SMTP over TLS. */
  static final String SMTP = "mail.smtp.executor.writetimeout";
  private static final String SMTPS = "mail.smtps.executor.writetimeout";

  private final ScheduledThreadPoolExecutor timeouts = new ScheduledThreadPoolExecutor(1, task -> {
    Thread thread = new Thread(task, "mail-write-timeouts");
    thread.setDaemon(true);
    return thread;
  });

  MailWriteTimeouts() {
    // a timeout is cancelled after each write that did not time out: out of the queue at once, not after 10 s
    timeouts.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof JavaMailSenderImpl sender) {
      Properties properties = sender.getJavaMailProperties();
      properties.put(SMTP, timeouts);
      properties.put(SMTPS, timeouts);
      // set again: the sender makes its session from the properties it was given last
      sender.setJavaMailProperties(properties);
    }
    return bean;
  }

  @Override
  public void destroy() {
    timeouts.shutdownNow();
  }
}
