package bench;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.notification.NotificationService;

/**
 * What one mail of a process costs end to end, alone: the suite's {@code NotificationService.request} (what a mail
 * step does) from 4 threads, then the {@code mail-delivery} instance's job finds the recipients and sends over SMTP
 * to the dev mail server in this JVM. Half the mails go to a group ({@code incident-assigned}), half to one user
 * ({@code incident-received}), with the values of an incident. After a warm-up of {@code -Dbench.warmup} mails (3000),
 * {@code -Dbench.rounds} (6) rounds of {@code -Dbench.mails} (2000): the JVM's CPU per mail, the job executor
 * threads' share of it, and the mails per second, each round waiting until every instance has ended (asking 5 times
 * a second: the count query costs CPU too).
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
      NotificationService notifications = suite.bean(NotificationService.class);
      RuntimeService runtime = suite.bean(RuntimeService.class);
      System.out.println("One mail end to end on " + suite.database + ", " + Runtime.getRuntime().availableProcessors()
          + " cores");
      send(notifications, runtime, "warm-up", Integer.getInteger("bench.warmup", 3000));
      for (int round = 1; round <= Integer.getInteger("bench.rounds", 6); round++) {
        int mails = Integer.getInteger("bench.mails", 2000);
        long cpu = CPU.getProcessCpuTime();
        long jobsCpu = jobExecutorCpu();
        long start = System.nanoTime();
        send(notifications, runtime, "round" + round, mails);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "round %d: %.1f ms CPU per mail, %.1f of them on the job executor's threads,"
                + " %.0f mails/s%n", round, (CPU.getProcessCpuTime() - cpu) / 1e6 / mails,
            (jobExecutorCpu() - jobsCpu) / 1e6 / mails, mails / seconds);
      }
    }
  }

  /** Requests the mails from 4 threads, then waits until every mail-delivery instance has ended. */
  private static void send(NotificationService notifications, RuntimeService runtime, String run, int mails)
      throws InterruptedException {
    ExecutorService steps = Executors.newFixedThreadPool(4);
    for (int i = 0; i < mails; i++) {
      String number = "INC-" + run + "-" + i;
      boolean toGroup = i % 2 == 0;
      steps.execute(() -> notifications.request(new NotificationService.Notification(
          toGroup ? "incident-assigned" : "incident-received", number,
          toGroup ? List.of("ops-engineers") : List.of(), toGroup ? List.of() : List.of("requester"),
          INCIDENT_VALUES, null, toGroup ? "notifyAssignedGroup" : "acknowledgeByMail")));
    }
    steps.shutdown();
    steps.awaitTermination(1, TimeUnit.HOURS);
    // a mail job that fails (an incident in Cockpit) or a job executor stuck is an error, not a figure
    await("every mail-delivery instance ended").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
        .until(() -> runtime.createProcessInstanceQuery().processDefinitionKey("mail-delivery").count() == 0);
  }

  private static long jobExecutorCpu() {
    return Growth.cpuByKind().getOrDefault("jobs", 0L);
  }
}
