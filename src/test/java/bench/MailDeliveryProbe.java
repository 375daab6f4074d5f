package bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.notification.MailOutbox;
import org.itops.notification.NotificationService;

/**
 * What one mail of a process costs end to end, alone: the suite's {@code MailOutbox.request} (what a mail step does)
 * from 4 threads, then the outbox's senders find the recipients and send over SMTP to the dev mail server in this
 * JVM. Half the mails go to a group ({@code incident-assigned}), half to one user
 * ({@code incident-received}), with the values of an incident. After a warm-up of {@code -Dbench.warmup} mails (3000),
 * {@code -Dbench.rounds} (6) rounds of {@code -Dbench.mails} (2000): the JVM's CPU per mail, the senders' and
 * the job executor's shares of it, and the mails per second, each round waiting until the outbox is empty (asking 5
 * times a second: the count query costs CPU too).
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=bench.MailDeliveryProbe}
 * ({@code -Dbench.database=h2-memory} or {@code postgres} for the other databases; H2's file by default)
 */
public final class MailDeliveryProbe {

  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** The values a mail step of incident-lifecycle hands over: the process's variables, dates already formatted. */
  private static final Map<String, Object> INCIDENT_VALUES = Map.of(
      "title", "Mail server does not accept connections",
      "description", "Nobody can send mail since 09:00; the queue on the relay grows.",
      "priority", "P2",
      "impact", "high",
      "urgency", "medium",
      "category", "email",
      "assignedGroup", "ops-engineers",
      "reporter", "requester",
      "responseDue", "2026-12-03 10:00 (UTC+00:00)",
      "resolutionDue", "2026-12-03 14:00 (UTC+00:00)");

  public static void main(String[] args) throws Exception {
    try (BenchSuite suite = BenchSuite.start(System.getProperty("bench.database", "h2"))) {
      MailOutbox outbox = suite.bean(MailOutbox.class);
      RuntimeService runtime = suite.bean(RuntimeService.class);
      System.out.println("One mail end to end on " + suite.database + ", " + Runtime.getRuntime().availableProcessors()
          + " cores");
      send(suite, outbox, runtime, "warm-up", Integer.getInteger("bench.warmup", 3000));
      for (int round = 1; round <= Integer.getInteger("bench.rounds", 6); round++) {
        int mails = Integer.getInteger("bench.mails", 2000);
        long cpu = CPU.getProcessCpuTime();
        Map<String, Long> threadsCpu = Growth.cpuByKind();
        long start = System.nanoTime();
        send(suite, outbox, runtime, "round" + round, mails);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> threadsCpuAfter = Growth.cpuByKind();
        System.out.printf(Locale.ROOT, "round %d: %.1f ms CPU per mail, %.1f of them on the senders' threads, %.1f on"
                + " the job executor's, %.0f mails/s%n", round, (CPU.getProcessCpuTime() - cpu) / 1e6 / mails,
            spent(threadsCpu, threadsCpuAfter, "mail") / mails, spent(threadsCpu, threadsCpuAfter, "jobs") / mails,
            mails / seconds);
      }
    }
  }

  /** Requests the mails from 4 threads, then waits until the outbox is empty. */
  private static void send(BenchSuite suite, MailOutbox outbox, RuntimeService runtime, String run, int mails)
      throws InterruptedException {
    ExecutorService steps = Executors.newFixedThreadPool(4);
    for (int i = 0; i < mails; i++) {
      String number = "INC-" + run + "-" + i;
      boolean toGroup = i % 2 == 0;
      steps.execute(() -> outbox.request(new NotificationService.Notification(
          toGroup ? "incident-assigned" : "incident-received", number,
          toGroup ? List.of("ops-engineers") : List.of(), toGroup ? List.of() : List.of("requester"),
          INCIDENT_VALUES, null, toGroup ? "notifyAssignedGroup" : "acknowledgeByMail")));
    }
    steps.shutdown();
    steps.awaitTermination(1, TimeUnit.HOURS);
    suite.awaitMailSent(Duration.ofMinutes(10));
    // a mail that failed (a mail-delivery instance) is an error, not a figure
    long failed = runtime.createProcessInstanceQuery().processDefinitionKey("mail-delivery").count();
    if (failed > 0) {
      throw new IllegalStateException(failed + " mails failed and became mail-delivery instances");
    }
  }

  /** Milliseconds of CPU that the threads of the kind spent between the two readings. */
  private static double spent(Map<String, Long> before, Map<String, Long> after, String kind) {
    return (after.getOrDefault(kind, 0L) - before.getOrDefault(kind, 0L)) / 1e6;
  }
}
