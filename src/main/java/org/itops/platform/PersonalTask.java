package org.itops.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A task that belongs to one person: a CAB member's vote, an ECAB approval. The person is the one the diagram
 * assigns it to, or the first who takes it; after that nobody hands it to someone else (reassign, delegate) and
 * nobody else completes it, administrators included: a vote or an approval is that person's. A diagram makes a
 * task personal with this listener on its create, assignment and complete events.
 */
@Component("personalTask")
class PersonalTask implements TaskListener {

  /** Task-local: the person the task belongs to; empty while it waits to be taken. Set by this listener only. */
  static final String PERSON = "personalTaskOf";

  private final CurrentUser currentUser;

  PersonalTask(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String person = (String) task.getVariableLocal(PERSON);
    String who = currentUser.id();
    switch (task.getEventName()) {
      // the engine assigns a task the diagram assigns before it announces the task as created
      case EVENTNAME_CREATE -> task.setVariableLocal(PERSON, task.getAssignee() == null ? "" : task.getAssignee());
      case EVENTNAME_ASSIGNMENT -> {
        String to = task.getAssignee();
        if (person == null) {
          return; // the diagram's own assignment, as the task is created
        }
        if (!person.isEmpty() && !person.equals(to)) {
          throw to == null
              ? new InvalidRequestException("assignee", "reason.personal.noHandOver", task.getName(), person)
              : new InvalidRequestException("assignee", "reason.personal.handOver", task.getName(), person, to);
        }
        if (person.isEmpty() && to != null) {
          if (who != null && !who.equals(to)) {
            throw new InvalidRequestException("assignee", "reason.personal.takeIt", task.getName());
          }
          task.setVariableLocal(PERSON, to);
        }
      }
      case EVENTNAME_COMPLETE -> {
        if (who == null || (person != null && !person.isEmpty() && !person.equals(who))) {
          throw person == null || person.isEmpty()
              ? new InvalidRequestException("assignee", "reason.personal.completeTaker", task.getName())
              : new InvalidRequestException("assignee", "reason.personal.complete", task.getName(), person);
        }
      }
      default -> {
        // other events change nothing of whom the task belongs to
      }
    }
  }
}
