package org.itops.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.platform.SuiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mails that mail steps ask for, table {@code mail_outbox}. {@link #request} writes one row in the caller's
 * transaction and nothing else; once that transaction has committed, a {@code mail-sender} thread of this node sends
 * the mail ({@link NotificationService#deliver}) and removes the row in one transaction. Only a mail that fails then
 * (SMTP down, an address refused, a wrong template, a group without addresses) becomes a {@code mail-delivery}
 * instance, whose job retries and then shows as an incident in Cockpit; the recipients served before stay served.
 *
 * <p>Why not an instance for every mail: an instance, its variables, its history and its job's commits cost about what
 * a whole incident of the no-op twin costs (docs/benchmarks.md), for mail that nearly always goes out at once.
 *
 * <p>A sender claims a row before it sends, so that one node sends it, for as long as a node has a job
 * ({@code camunda.bpm.job-execution.lock-time-in-millis}: a node that has not finished by then is taken for dead).
 * A row that no sender took within {@link #LEFT_BEHIND} (its node stopped, or this node's queue was full), or whose
 * claim ran out (its node stopped while sending), is sent by the sweep of any node. Senders run where the job
 * executor runs: a node without background work, as in the tests, leaves its mail to the others (the tests send it
 * with {@link #sendWaiting}).
 */
@Component
public class MailOutbox implements DisposableBean {

  /** A mail still waiting this long after its transaction did was left behind by its sender. */
  static final Duration LEFT_BEHIND = Duration.ofSeconds(30);
  private static final int SENDERS = 8;
  private static final int QUEUED = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

  private final NotificationRepository outbox;
  private final NotificationService notifications;
  private final RuntimeService runtimeService;
  private final SuiteProperties suite;
  private final TransactionTemplate inTransaction;
  private final Duration claim;
  /** Null where this node runs no background work. */
  private final ThreadPoolExecutor senders;

  MailOutbox(NotificationRepository outbox, NotificationService notifications, RuntimeService runtimeService,
      SuiteProperties suite, PlatformTransactionManager transactionManager,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean backgroundWork,
      @Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long claimMillis) {
    this.outbox = outbox;
    this.notifications = notifications;
    this.runtimeService = runtimeService;
    this.suite = suite;
    this.inTransaction = new TransactionTemplate(transactionManager);
    this.claim = Duration.ofMillis(claimMillis);
    this.senders = backgroundWork ? senders() : null;
  }

  private static ThreadPoolExecutor senders() {
    AtomicInteger number = new AtomicInteger();
    // each waits on SMTP most of the time; a full queue leaves the mail to the sweep
    return new ThreadPoolExecutor(SENDERS, SENDERS, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED), task -> {
      Thread thread = new Thread(task, "mail-sender-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Writes the mail, with the values of its template as text, to be sent once the caller's transaction has
   * committed. Nothing here fails on the template or the recipients: that is the sending's to find out.
   */
  public void request(NotificationService.Notification notification) {
    Map<String, String> values = new HashMap<>();
    Set<String> used = MailTemplate.placeholdersOf(notification.template(), suite.language());
    notification.values().forEach((name, value) -> {
      if (used.contains(name)) {
        values.put(name, value == null ? null : String.valueOf(value));
      }
    });
    String id = UUID.randomUUID().toString();
    outbox.insertWaiting(id, notification, values, Instant.now());
    if (senders == null) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          sendSoon(id);
        }
      });
    } else {
      sendSoon(id);
    }
  }

  /** Every 30 seconds on each node with senders: the mails left behind go to this node's senders. */
  @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
  void sendLeftBehind() {
    if (senders != null) {
      Instant now = Instant.now();
      outbox.leftBehind(now.minus(LEFT_BEHIND), now).forEach(this::sendSoon);
    }
  }

  /**
   * Sends in this thread each mail about the record that no sender has (tests, where no senders run, send their
   * record's mail with this, as they run its jobs in place of the job executor).
   */
  public void sendWaiting(String recordNumber) {
    outbox.waitingAbout(recordNumber, Instant.now()).forEach(this::send);
  }

  private void sendSoon(String id) {
    try {
      senders.execute(() -> {
        try {
          send(id);
        } catch (RuntimeException databaseFailed) {
          LOG.warn("Mail {} stays in the outbox; the sweep sends it when its claim has run out", id, databaseFailed);
        }
      });
    } catch (RejectedExecutionException full) {
      LOG.debug("Mail {} left to the sweep: {}", id, full.getMessage());
    }
  }

  /**
   * Sends the mail if no other sender has it; hands it to {@code mail-delivery} when it fails, with its id as the
   * delivery's, so that the delivery's retries send to nobody served here.
   */
  void send(String id) {
    Instant now = Instant.now();
    if (!outbox.claimWaiting(id, now, now.plus(claim))) {
      return; // sent and removed, or another sender has it
    }
    NotificationService.Notification notification = outbox.waiting(id);
    try {
      inTransaction.executeWithoutResult(status -> {
        notifications.deliver(notification, id);
        outbox.removeWaiting(id);
      });
    } catch (RuntimeException failed) {
      LOG.warn("Mail '{}' of {} not sent at once, now a mail-delivery that retries: {}", notification.template(),
          notification.recordNumber(), failed.getMessage());
      inTransaction.executeWithoutResult(status -> {
        startDelivery(notification, id);
        outbox.removeWaiting(id);
      });
    }
  }

  /** Starts {@code mail-delivery} for the mail (business key: its record), its values as variables. */
  private void startDelivery(NotificationService.Notification notification, String deliveryId) {
    Map<String, Object> variables = new HashMap<>(notification.values());
    variables.put(MailDeliveryProcess.Var.TEMPLATE, notification.template());
    variables.put(MailDeliveryProcess.Var.GROUPS, String.join(",", notification.groups()));
    variables.put(MailDeliveryProcess.Var.USERS, String.join(",", notification.users()));
    variables.put(MailDeliveryProcess.Var.SOURCE_PROCESS_INSTANCE, notification.processInstanceId());
    variables.put(MailDeliveryProcess.Var.SOURCE_ACTIVITY, notification.activityId());
    variables.put(MailDeliveryProcess.Var.DELIVERY, deliveryId);
    runtimeService.startProcessInstanceByKey(MailDeliveryProcess.KEY, notification.recordNumber(), variables);
  }

  @Override
  public void destroy() throws InterruptedException {
    if (senders != null) {
      // what is still queued stays in the table for the sweep of this node after its next start, or of another
      // node; the mails being sent finish (an interrupt in the middle of a statement would close H2's file)
      senders.getQueue().clear();
      senders.shutdown();
      senders.awaitTermination(30, TimeUnit.SECONDS);
    }
  }
}
