package org.itops.incident;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist sorts by and shows the engine's task priority, which is 50 for every task unless set. A task created while
 * its process holds an incident priority gets that priority as a number, so that the most urgent work sorts first
 * and the number on each card means something: P1 100, P2 75, P3 50, P4 25. A re-prioritised incident's later tasks
 * get the new number. The task events come from the engine through Spring (the starter's eventing bridge), so that
 * no diagram needs a listener for it.
 */
@Component
class TaskPriorityOfIncident {

  static final Map<String, Integer> TASK_PRIORITY = Map.of("P1", 100, "P2", 75, "P3", 50, "P4", 25);

  @EventListener
  public void taskCreated(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
        && task.getVariable(IncidentProcess.Var.PRIORITY) instanceof String priority
        && TASK_PRIORITY.containsKey(priority)) {
      task.setPriority(TASK_PRIORITY.get(priority));
    }
  }
}
