package org.itops.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.platform.SuiteProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail outbox with its senders running, as on a node with the job executor (the tests' own outbox has none): a
 * mail goes out once the transaction that asked for it has committed and never for one rolled back, one that its
 * sender left behind or whose sender's claim ran out goes out by the sweep, one that a sender has does not, and two
 * senders of one mail send it once.
 */
@SuiteTest
class MailOutboxTest {

  private static final Duration CLAIM = Duration.ofMinutes(5);

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired NamedParameterJdbcTemplate jdbc;
  @Autowired NotificationRepository repository;
  @Autowired NotificationService notifications;
  @Autowired RuntimeService runtimeService;
  @Autowired SuiteProperties suite;
  @Autowired PlatformTransactionManager transactionManager;
  /** The tests' own, without senders: it writes the mail and leaves it waiting. */
  @Autowired MailOutbox waitingOutbox;
  MailOutbox outbox;

  @BeforeEach
  void outboxWithSenders() {
    outbox = new MailOutbox(repository, notifications, runtimeService, suite, transactionManager, true,
        CLAIM.toMillis());
  }

  @AfterEach
  void stopTheSenders() throws InterruptedException {
    outbox.destroy();
  }

  @Test
  void theMailGoesOutOnceItsTransactionHasCommittedAndNeverForOneRolledBack() {
    String record = record();
    String rolledBack = record();
    TransactionTemplate inTransaction = new TransactionTemplate(transactionManager);
    inTransaction.executeWithoutResult(status -> {
      outbox.request(mail(rolledBack));
      status.setRollbackOnly();
    });
    inTransaction.executeWithoutResult(status -> {
      outbox.request(mail(record));
      assertThat(smtp.getReceivedMessages()).as("nothing sent before the commit").isEmpty();
    });

    await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length > 0);
    assertThat(TestMail.subjects(smtp)).singleElement().asString().startsWith("[" + record + "]");
    assertThat(waitingMails(record)).as("removed once sent").isZero();
    assertThat(waitingMails(rolledBack)).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(record).count())
        .as("no mail-delivery for a mail that went out").isZero();
  }

  @Test
  void theSweepSendsAMailLeftBehindOrWhoseClaimRanOutButNotOneThatASenderHas() {
    String leftBehind = record();
    String claimRanOut = record();
    String claimed = record();
    String justAsked = record();
    for (String record : List.of(leftBehind, claimRanOut, claimed, justAsked)) {
      waitingOutbox.request(mail(record));
    }
    Instant now = Instant.now();
    setWaiting(leftBehind, now.minus(MailOutbox.LEFT_BEHIND).minusSeconds(1), null);
    setWaiting(claimRanOut, now, now.minusSeconds(1));
    setWaiting(claimed, now.minus(MailOutbox.LEFT_BEHIND).minusSeconds(1), now.plus(CLAIM));

    outbox.sendLeftBehind();

    await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length >= 2);
    assertThat(TestMail.subjects(smtp)).hasSize(2).anyMatch(subject -> subject.startsWith("[" + leftBehind + "]"))
        .anyMatch(subject -> subject.startsWith("[" + claimRanOut + "]"));
    assertThat(waitingMails(claimed)).as("its sender has it").isOne();
    assertThat(waitingMails(justAsked)).as("its own sender will send it").isOne();
    jdbc.update("delete from mail_outbox where record_number in (:records)", Map.of("records", List.of(claimed,
        justAsked)));
  }

  @Test
  void twoSendersOfOneMailSendItOnce() throws Exception {
    String record = record();
    waitingOutbox.request(mail(record));
    String id = jdbc.queryForObject("select id from mail_outbox where record_number = :record",
        Map.of("record", record), String.class);
    CountDownLatch ready = new CountDownLatch(2);
    ExecutorService twoNodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> sends = List.of(twoNodes.submit(() -> sendWhenBothAreReady(ready, id)),
          twoNodes.submit(() -> sendWhenBothAreReady(ready, id)));
      for (Future<?> send : sends) {
        send.get();
      }
    } finally {
      twoNodes.shutdown();
    }

    assertThat(TestMail.subjects(smtp)).singleElement().asString().startsWith("[" + record + "]");
    assertThat(waitingMails(record)).isZero();
  }

  private void sendWhenBothAreReady(CountDownLatch ready, String id) {
    ready.countDown();
    try {
      ready.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    outbox.send(id);
  }

  /** As if the mail had been asked for then, and a sender had it until then (null: nobody). */
  private void setWaiting(String record, Instant requested, Instant claimedUntil) {
    Map<String, Object> values = new HashMap<>();
    values.put("record", record);
    values.put("requested", Timestamp.from(requested));
    values.put("claimedUntil", claimedUntil == null ? null : Timestamp.from(claimedUntil));
    jdbc.update("update mail_outbox set requested_at = :requested, claimed_until = :claimedUntil"
        + " where record_number = :record", values);
  }

  private long waitingMails(String record) {
    return jdbc.queryForObject("select count(*) from mail_outbox where record_number = :record",
        Map.of("record", record), Long.class);
  }

  private static NotificationService.Notification mail(String record) {
    return new NotificationService.Notification("fixture-work-done", record, List.of(), List.of("desk"),
        Map.of("summary", "Disk full"), null, "notifyDone");
  }

  private static String record() {
    return "TST-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
