package org.itops;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Tasks without a process, for tests of the task queries and of Tasklist. */
public final class StandaloneTasks {

  private StandaloneTasks() {}

  /** A task of that candidate group (which the engine grants it to), assigned or not (null); answers its id. */
  public static String create(TaskService taskService, String name, String candidateGroup, String assignee) {
    Task task = taskService.newTask();
    task.setName(name);
    task.setAssignee(assignee);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), candidateGroup);
    return task.getId();
  }
}
