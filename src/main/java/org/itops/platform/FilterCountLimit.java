package org.itops.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The count of a Tasklist filter's tasks stops at {@value #LIMIT}: a filter's count ({@code FilterService.count},
 * which Tasklist's task list asks with every page, {@code /filter/{id}/list} and {@code /filter/{id}/count} of the
 * engine's REST API) is exact up to {@value #LIMIT} tasks and {@value #MORE} when there are more; Tasklist shows
 * {@value #MORE} as "1000+" (its script {@code itops/task-counts.js}). A count visits every task it counts, with
 * their candidate groups and grants: 0.5 s for 90,000 tasks on PostgreSQL on the benchmark's machine, at every page
 * and every refresh of the list, for a number nobody pages through (docs/benchmarks.md, "Tasklist's filters at
 * 100,000 open incidents"). The task query's other counts ({@code TaskQuery.count}, {@code /task/count}, the KPIs)
 * stay exact.
 *
 * <p>The task query's count statement is the suite's ({@link AuthorizationQueries}); while a filter's count runs,
 * this interceptor has it count at most {@value #MORE} distinct tasks. A thread-local, because the engine builds the
 * filter's query inside its command, out of reach of the caller, and runs it on the command's thread.
 */
@Component
public class FilterCountLimit extends AbstractProcessEnginePlugin {

  /** The most tasks a filter's count tells exactly. Tasklist's script {@code itops/task-counts.js} knows it too. */
  public static final int LIMIT = 1000;
  /** The count of a filter with more than {@link #LIMIT} tasks. */
  public static final int MORE = LIMIT + 1;

  private static final ThreadLocal<Boolean> COUNTING_A_FILTER = ThreadLocal.withInitial(() -> false);

  /** Whether the task count now running is a filter's (asked by the suite's count statement, so public). */
  public static boolean active() {
    return COUNTING_A_FILTER.get();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new CountingAFilter());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  private static final class CountingAFilter extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (!(command instanceof ExecuteFilterCountCmd) || COUNTING_A_FILTER.get()) {
        return next.execute(command);
      }
      COUNTING_A_FILTER.set(true);
      try {
        return next.execute(command);
      } finally {
        COUNTING_A_FILTER.remove();
      }
    }
  }
}
