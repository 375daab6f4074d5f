package bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;

/**
 * What reading a task's form costs now that the values it shows are computed when read
 * ({@code platform.ValuesShownOnForms}): {@code -Dbench.tasks} (50) incidents reported over the API, then, as
 * {@code desk} with its groups, their triage tasks' form variables read as Tasklist reads them
 * ({@code FormService.getTaskFormVariables}, with the values the form shows) and the same tasks' variables read
 * without them ({@code TaskService.getVariables}), in turns, {@code -Dbench.rounds} (5) rounds of
 * {@code -Dbench.reads} (4000) reads each way after a warm-up round: this thread's CPU per read.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=bench.FormReadProbe}
 * ({@code -Dbench.database=h2-memory} or {@code postgres} for the other databases; H2's file by default)
 */
final class FormReadProbe {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    try (BenchSuite suite = BenchSuite.start(System.getProperty("bench.database", "h2"))) {
      LifecycleBenchmark lifecycle = new LifecycleBenchmark(suite);
      List<String> triageTasks = new ArrayList<>();
      for (int i = 0; i < Integer.getInteger("bench.tasks", 50); i++) {
        triageTasks.add(suite.taskReady.await(lifecycle.reportOverApi(), "triageIncident"));
      }
      FormService forms = suite.bean(FormService.class);
      TaskService tasks = suite.bean(TaskService.class);
      new People(suite).as("desk", () -> {
        System.out.println("Reading a triage task's form variables on " + suite.database + ", " + triageTasks.size()
            + " tasks, " + forms.getTaskFormVariables(triageTasks.get(0)).size() + " variables with the values shown, "
            + tasks.getVariables(triageTasks.get(0)).size() + " without");
        int reads = Integer.getInteger("bench.reads", 4000);
        for (int round = 0; round <= Integer.getInteger("bench.rounds", 5); round++) {
          double withShown = cpuPerRead(triageTasks, reads, forms::getTaskFormVariables);
          double without = cpuPerRead(triageTasks, reads, tasks::getVariables);
          System.out.printf(Locale.ROOT, "%s: %.0f µs of CPU per read of the form's variables, %.0f µs per read of"
              + " the task's variables%n", round == 0 ? "warm-up" : "round " + round, withShown, without);
        }
        return null;
      });
    }
  }

  private static double cpuPerRead(List<String> taskIds, int reads, Consumer<String> read) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < reads; i++) {
      read.accept(taskIds.get(i % taskIds.size()));
    }
    return (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / reads;
  }

  private FormReadProbe() {}
}
