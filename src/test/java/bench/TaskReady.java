package bench;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Tells the benchmark's simulated people when a task of theirs exists, the moment its transaction commits, so that
 * they need not poll the task table (polling would load the database the benchmark measures). Every user task of
 * every process gets the same small listener, so the suite's processes and the no-op one pay the same.
 */
final class TaskReady extends AbstractProcessEnginePlugin {

  private final Map<String, CompletableFuture<String>> tasks = new ConcurrentHashMap<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener created = task -> {
      String key = key(task.getExecution().getProcessBusinessKey(), task.getTaskDefinitionKey());
      String taskId = task.getId();
      Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
          committed -> future(key).complete(taskId));
    };
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, created);
      }
    });
  }

  /** Waits until the task of the record exists; answers its id. */
  String await(String businessKey, String taskDefinitionKey) throws Exception {
    String key = key(businessKey, taskDefinitionKey);
    try {
      return future(key).get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("No task " + key + " within 60 s", e);
    } finally {
      tasks.remove(key);
    }
  }

  private CompletableFuture<String> future(String key) {
    return tasks.computeIfAbsent(key, k -> new CompletableFuture<>());
  }

  private static String key(String businessKey, String taskDefinitionKey) {
    return businessKey + "/" + taskDefinitionKey;
  }
}
