package org.itops.change;

import static org.itops.change.ChangeProcess.Var;
import static org.itops.platform.FormValues.oneOf;
import static org.itops.platform.FormValues.required;
import static org.itops.platform.FormValues.text;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.change.ChangeProcess.Element;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Component;

/**
 * Checks what a person submits with a change task and puts it on the change's timeline (the forms check the same
 * where form-js can; REST clients get the same rules). A refused completion changes nothing and says why. Counts
 * the CAB's votes for the vote's completion condition.
 */
@Component("changeTaskCompletion")
class ChangeTaskCompletion implements TaskListener {

  static final List<String> REVIEW_DECISIONS = List.of("accept", "reject");
  /** The decisions of the CAB's votes and of the approvals. */
  static final List<String> APPROVALS = List.of("approve", "reject");
  static final List<String> VERIFICATIONS = List.of("success", "failed");
  static final List<String> SCHEDULE_DECISIONS = List.of("reschedule", "accept");

  private final ChangeService changes;
  private final ChangeSchedule schedule;
  private final CurrentUser currentUser;

  ChangeTaskCompletion(ChangeService changes, ChangeSchedule schedule, CurrentUser currentUser) {
    this.changes = changes;
    this.schedule = schedule;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    String number = task.getExecution().getProcessBusinessKey();
    String who = currentUser.id();
    switch (task.getTaskDefinitionKey()) {
      case Element.REVIEW -> decision(task, Var.DECISION, REVIEW_DECISIONS, "reject", errors);
      case Element.CAB_VOTE -> vote(task, who, errors);
      case Element.CAB_TIMEOUT_DECISION, Element.HIGH_RISK_APPROVAL, Element.ECAB_TIMEOUT_DECISION ->
          decision(task, Var.DECISION, APPROVALS, "reject", errors);
      case Element.ECAB_CHANGE_MANAGER ->
          decision(task, "changeManagerDecision", APPROVALS, "reject", errors);
      case Element.ECAB_IT_MANAGER -> decision(task, "itManagerDecision", APPROVALS, "reject", errors);
      case Element.RESOLVE_SCHEDULE -> schedule(task, errors);
      case Element.IMPLEMENT -> required(task, Var.IMPLEMENTATION_NOTES, errors);
      case Element.VERIFY -> {
        oneOf(task, Var.VERIFICATION, VERIFICATIONS, errors);
        required(task, Var.VERIFICATION_NOTES, errors);
      }
      case Element.BACK_OUT -> required(task, Var.BACKOUT_NOTES, errors);
      case Element.POST_IMPLEMENTATION_REVIEW -> required(task, Var.REVIEW_NOTES, errors);
      default -> throw new IllegalStateException("No completion rules for task " + task.getTaskDefinitionKey());
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    if (!Element.CAB_VOTE.equals(task.getTaskDefinitionKey())) {
      changes.recordDecision(number, "TASK_DONE", "timeline.change.taskDone", task.getName(), who, summary(task));
    }
  }

  /**
   * Never on one's own change; the votes so far decide when the vote ends. Each member's vote is a task of their
   * own that nobody else completes (the diagram makes it a personal task).
   */
  private void vote(DelegateTask task, String who, List<FieldError> errors) {
    if (who != null && who.equals(task.getVariable(Var.REQUESTER))) {
      errors.add(new FieldError(Var.VOTE, "reason.change.ownVote"));
    }
    String vote = decision(task, Var.VOTE, APPROVALS, "reject", errors);
    if (!errors.isEmpty()) {
      return;
    }
    DelegateExecution instance = task.getExecution().getProcessInstance();
    String counter = "approve".equals(vote) ? Var.APPROVALS : Var.REJECTIONS;
    instance.setVariable(counter, ((Number) instance.getVariable(counter)).intValue() + 1);
    String comment = text(task, Var.VOTE_COMMENT);
    if ("reject".equals(vote)) {
      String before = text(instance, Var.CAB_COMMENTS);
      instance.setVariable(Var.CAB_COMMENTS, (before == null || before.isEmpty() ? "" : before + "\n") + who + ": "
          + comment);
    }
    changes.recordDecision(task.getExecution().getProcessBusinessKey(), "CAB_VOTE", "timeline.change.vote", who,
        Timeline.text("approve".equals(vote) ? "timeline.change.voteApprove" : "timeline.change.voteReject"),
        Timeline.because(comment));
  }

  /** A decision out of {@code allowed}; the refusing one needs notes (the requester learns why). */
  private static String decision(DelegateTask task, String field, List<String> allowed, String refusal,
      List<FieldError> errors) {
    String value = oneOf(task, field, allowed, errors);
    String notesField = Var.VOTE.equals(field) ? Var.VOTE_COMMENT : Var.DECISION_NOTES;
    if (refusal.equals(value) && (text(task, notesField) == null || text(task, notesField).isBlank())) {
      errors.add(new FieldError(notesField, "reason.requiredWhen", refusal));
    }
    return value;
  }

  /** Reschedule to a valid window, or accept: a freeze can be accepted for an emergency change only. */
  private void schedule(DelegateTask task, List<FieldError> errors) {
    String decision = oneOf(task, Var.SCHEDULE_DECISION, SCHEDULE_DECISIONS, errors);
    if ("reschedule".equals(decision)) {
      try {
        errors.addAll(schedule.windowErrors(ChangeVariables.instant(task, Var.NEW_START),
            ChangeVariables.instant(task, Var.NEW_END)));
      } catch (DateTimeParseException e) {
        errors.add(new FieldError(Var.NEW_START, "reason.notADateTime", e.getParsedString()));
      }
    } else if ("accept".equals(decision) && Boolean.TRUE.equals(task.getVariable(Var.IN_FREEZE))
        && !"emergency".equals(task.getVariable(Var.CLASSIFICATION))) {
      errors.add(new FieldError(Var.SCHEDULE_DECISION, "reason.change.inFreeze"));
    }
  }

  private static String summary(DelegateTask task) {
    return switch (task.getTaskDefinitionKey()) {
      case Element.IMPLEMENT -> text(task, Var.IMPLEMENTATION_NOTES);
      case Element.VERIFY -> text(task, Var.VERIFICATION) + ", " + text(task, Var.VERIFICATION_NOTES);
      case Element.BACK_OUT -> (Boolean.TRUE.equals(task.getVariable(Var.BACKED_OUT)) ? "backed out" : "not backed out")
          + ", " + text(task, Var.BACKOUT_NOTES);
      case Element.POST_IMPLEMENTATION_REVIEW -> text(task, Var.REVIEW_NOTES);
      case Element.RESOLVE_SCHEDULE -> text(task, Var.SCHEDULE_DECISION);
      case Element.ECAB_CHANGE_MANAGER -> text(task, "changeManagerDecision") + notes(task);
      case Element.ECAB_IT_MANAGER -> text(task, "itManagerDecision") + notes(task);
      default -> text(task, Var.DECISION) + notes(task);
    };
  }

  private static String notes(DelegateTask task) {
    String notes = text(task, Var.DECISION_NOTES);
    return notes == null || notes.isBlank() ? "" : ": " + notes;
  }
}
