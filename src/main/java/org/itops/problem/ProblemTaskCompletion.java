package org.itops.problem;

import static org.itops.platform.FormValues.blankToNull;
import static org.itops.platform.FormValues.text;
import static org.itops.problem.ProblemProcess.Var;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.incident.IncidentQueries;
import org.itops.platform.FormValues;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.springframework.stereotype.Component;

/**
 * Completion of "Investigate problem": the findings are required and kept on the record, incidents named in the form
 * are linked or unlinked, and a workaround without an article yet becomes a known error article. Completion of
 * "Request fix change": the change's fields are there.
 */
@Component("problemTaskCompletion")
class ProblemTaskCompletion implements TaskListener {

  /** The impacts a fix change may have (the change's own levels). */
  static final List<String> IMPACTS = List.of("high", "medium", "low");

  private final ProblemService problems;
  private final IncidentQueries incidents;

  ProblemTaskCompletion(ProblemService problems, IncidentQueries incidents) {
    this.problems = problems;
    this.incidents = incidents;
  }

  @Override
  public void notify(DelegateTask task) {
    if (ProblemProcess.Element.REQUEST_FIX.equals(task.getTaskDefinitionKey())) {
      checkFixRequest(task);
      return;
    }
    String number = task.getExecution().getProcessBusinessKey();
    List<FieldError> errors = new ArrayList<>();
    String rootCause = FormValues.requiredWithin(task, Var.ROOT_CAUSE, ProblemRequest.MAX_TEXT, errors);
    List<String> link = ProblemRequest.incidentNumbers(text(task, Var.LINK_INCIDENTS));
    for (String incident : link) {
      if (!incidents.exists(incident)) {
        errors.add(new FieldError(Var.LINK_INCIDENTS, "reason.notAnIncident", incident));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String workaround = blankToNull(text(task, Var.WORKAROUND));
    Problem problem = problems.investigated(number, rootCause, blankToNull(text(task, Var.CONTRIBUTING_FACTORS)),
        workaround);
    String by = task.getAssignee();
    link.forEach(incident -> problems.link(number, incident, by));
    ProblemRequest.incidentNumbers(text(task, Var.UNLINK_INCIDENTS))
        .forEach(incident -> problems.unlink(number, incident));
    task.setVariable(Var.LINK_INCIDENTS, null);
    task.setVariable(Var.UNLINK_INCIDENTS, null);
    task.setVariable("proposeKnownError", workaround != null && problem.knownErrorArticle() == null);
  }

  /** What the change needs before it is requested (the change's own registration checks the rest). */
  private static void checkFixRequest(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    FormValues.requiredWithin(task, Var.CHANGE_SUMMARY, ProblemRequest.MAX_TITLE, errors);
    FormValues.oneOf(task, "impact", IMPACTS, errors);
    FormValues.requiredWithin(task, Var.IMPLEMENTATION_PLAN, ProblemRequest.MAX_TEXT, errors);
    FormValues.requiredWithin(task, Var.BACKOUT_PLAN, ProblemRequest.MAX_TEXT, errors);
    FormValues.required(task, Var.PLANNED_START, errors);
    FormValues.required(task, Var.PLANNED_END, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
