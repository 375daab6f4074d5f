package org.itops.demand;

import static org.itops.demand.DemandProcess.Var;
import static org.itops.platform.FormValues.integer;
import static org.itops.platform.FormValues.isBlank;
import static org.itops.platform.FormValues.isOneOf;
import static org.itops.platform.FormValues.oneOf;
import static org.itops.platform.FormValues.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.demand.DemandProcess.Element;
import org.itops.platform.CurrentUser;
import org.itops.platform.FormValues;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Component;

/**
 * Checks what a person submits with a task of the three demand processes and records it on the demand (the forms
 * check the same where form-js can; REST clients get the same rules). A refused completion changes nothing and says
 * why.
 *
 * <p>One listener of about 300 lines for the three processes: their tasks share the demand's record and its rules (a
 * decision other than the first needs a reason; a requester does not approve their own demand), one method a task.
 */
@Component("demandTaskCompletion")
class DemandTaskCompletion implements TaskListener {

  static final List<String> LEVELS = List.of("low", "medium", "high");
  static final List<String> FEASIBILITY = List.of("feasible", "feasible-with-conditions", "not-feasible");
  static final List<String> ANALYSIS_OUTCOMES = List.of("analysed", "question");
  /** The decisions of a changed demand's re-approval and of the budget. */
  static final List<String> APPROVALS = List.of("approve", "reject");
  /** A demand's approval: approve first (anything else needs a reason). */
  static final List<String> DEMAND_APPROVALS = List.of("approve", "reject", "rework");
  static final List<String> REVISIONS = List.of("resubmit", "withdraw");
  static final List<String> ESCALATION_DECISIONS = List.of("rework", "cancel");
  static final List<Integer> RATINGS = List.of(1, 2, 3, 4, 5);
  static final int MAX_SPECIFICATION = 8000;

  private final DemandService demands;
  private final CurrentUser currentUser;

  DemandTaskCompletion(DemandService demands, CurrentUser currentUser) {
    this.demands = demands;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    String number = task.getExecution().getProcessBusinessKey();
    switch (task.getTaskDefinitionKey()) {
      case Element.ANALYSE -> analyse(task, number, errors);
      case Element.ANSWER_QUESTION -> required(task, Var.ANSWER, errors).ifValid(errors,
          () -> demands.note(number, "ANSWERED", "timeline.typed", text(task, Var.ANSWER)));
      case Element.DOCUMENT -> specification(task, Var.SPECIFICATION, errors).ifValid(errors,
          () -> demands.specify(number, text(task, Var.SPECIFICATION), "rework".equals(text(task, Var.APPROVAL_OUTCOME))
              ? "Reworked: " + text(task, Var.APPROVAL_REASON) : "Documented from the analysis"));
      case Element.APPROVE_IN_SEQUENCE, Element.APPROVE_IN_PARALLEL, Element.DECIDE_OVERDUE -> approve(task, number,
          errors);
      case Element.REVISE -> revise(task, number, errors);
      case Element.ANALYSE_CHANGE -> {
        specification(task, "changeSpecification", errors);
        oneOf(task, Var.COST_BAND, DemandRequest.COST_BANDS, errors);
        oneOf(task, Var.RISK, LEVELS, errors);
        if (errors.isEmpty()) {
          demands.changeAnalysed(number, text(task, Var.COST_BAND), text(task, Var.RISK));
        }
      }
      case Element.REAPPROVE_CHANGE -> decision(task, Var.CHANGE_APPROVAL, APPROVALS,
          "changeApprovalReason", errors).ifValid(errors, () -> demands.note(number, "CHANGE_" + ("approve".equals(
              text(task, Var.CHANGE_APPROVAL)) ? "APPROVED" : "REJECTED"), "timeline.withNotes", who(),
              reason(task, "changeApprovalReason")));
      case Element.FEEDBACK -> feedback(task, number, errors);
      case Element.DESIGN -> design(task, number, errors);
      case Element.ALLOCATE -> allocate(task, number, errors);
      case Element.APPROVE_BUDGET -> decision(task, Var.BUDGET_DECISION, APPROVALS, "budgetReason",
          errors).ifValid(errors, () -> demands.delivery(number, delivery -> {
            if ("approve".equals(text(task, Var.BUDGET_DECISION))) {
              delivery.setBudgetApprovedBy(who());
            }
          }, "BUDGET_" + text(task, Var.BUDGET_DECISION).toUpperCase(), "timeline.withNotes", who(),
              reason(task, "budgetReason")));
      case Element.IMPLEMENT_MILESTONE -> required(task, "milestoneNotes", errors).ifValid(errors,
          () -> demands.note(number, "MILESTONE_DONE", "timeline.labelled", task.getVariable("milestone"),
              text(task, "milestoneNotes")));
      case Element.QUALITY_CONTROL -> qualityControl(task, number, errors);
      case Element.DECIDE_ESCALATION -> decision(task, Var.ESCALATION_DECISION, ESCALATION_DECISIONS,
          "escalationReason", errors).ifValid(errors, () -> demands.note(number, "ESCALATION_DECIDED",
              "timeline.withNotes", text(task, Var.ESCALATION_DECISION), reason(task, "escalationReason")));
      case Element.PREPARE_PACKAGE -> preparePackage(task, number, errors);
      case Element.ACCEPTANCE_TEST -> acceptanceTest(task, number, errors);
      case Element.RETROSPECTIVE -> retrospective(task, number, errors);
      default -> throw new IllegalStateException("No completion rules for task " + task.getTaskDefinitionKey());
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private void analyse(DelegateTask task, String number, List<FieldError> errors) {
    String outcome = oneOf(task, Var.ANALYSIS_OUTCOME, ANALYSIS_OUTCOMES, errors);
    if ("question".equals(outcome)) {
      required(task, Var.QUESTION, errors).ifValid(errors, () -> {
        demands.step(number, Demand.Status.ANALYSIS, "QUESTION", "timeline.typed", text(task, Var.QUESTION));
      });
    } else if ("analysed".equals(outcome)) {
      oneOf(task, Var.FEASIBILITY, FEASIBILITY, errors);
      oneOf(task, Var.RISK, LEVELS, errors);
      Integer effort = integer(task, Var.EFFORT_DAYS);
      if (effort == null || effort < 0) {
        errors.add(new FieldError(Var.EFFORT_DAYS, "reason.demand.effort"));
      }
      if (errors.isEmpty()) {
        demands.analysed(number, text(task, Var.FEASIBILITY), effort, text(task, Var.RISK),
            text(task, Var.ANALYSIS_NOTES));
      }
    }
  }

  /** One vote of the approval; a rejection beats a rework, which beats an approval. */
  private void approve(DelegateTask task, String number, List<FieldError> errors) {
    if (demands.isRequester(number, currentUser.id())) {
      errors.add(new FieldError(Var.APPROVAL, "reason.demand.ownApproval"));
    }
    String decision = decision(task, Var.APPROVAL, DEMAND_APPROVALS, Var.APPROVAL_REASON,
        errors).value();
    if (!errors.isEmpty()) {
      return;
    }
    DelegateExecution instance = task.getExecution().getProcessInstance();
    String outcome = String.valueOf(instance.getVariable(Var.APPROVAL_OUTCOME));
    if ("reject".equals(decision) || ("rework".equals(decision) && !"reject".equals(outcome))) {
      instance.setVariable(Var.APPROVAL_OUTCOME, decision);
    }
    Object group = task.getVariable(Var.APPROVER_GROUP);
    demands.note(number, "APPROVAL", group == null ? "timeline.demand.approval" : "timeline.demand.approvalFor",
        who(), decision, reason(task, Var.APPROVAL_REASON), Timeline.code("approverGroup", group));
  }

  private void revise(DelegateTask task, String number, List<FieldError> errors) {
    String revision = oneOf(task, Var.REVISION, REVISIONS, errors);
    if ("resubmit".equals(revision)) {
      DemandRequest revised = new DemandRequest(text(task, Var.TITLE), text(task, Var.BUSINESS_NEED),
          text(task, Var.EXPECTED_BENEFIT), demands.load(number).getRequestedDate().toString(), text(task, Var.COST_BAND),
          List.of());
      errors.addAll(revised.fieldErrors(java.time.LocalDate.MIN));
      if (errors.isEmpty()) {
        demands.revised(number, revised.title(), revised.businessNeed(), revised.expectedBenefit(), revised.costBand());
      }
    }
  }

  private void feedback(DelegateTask task, String number, List<FieldError> errors) {
    Integer rating = integer(task, Var.RATING);
    if (!isOneOf(RATINGS, rating)) {
      errors.add(new FieldError(Var.RATING, "reason.rating"));
    } else {
      demands.feedback(number, rating, text(task, Var.FEEDBACK_COMMENT));
    }
  }

  private void design(DelegateTask task, String number, List<FieldError> errors) {
    required(task, "plan", errors);
    required(task, Var.MILESTONES, errors);
    if (errors.isEmpty()) {
      demands.delivery(number, delivery -> {
        delivery.setDesignReference(text(task, "designReference"));
        delivery.setPlan(text(task, "plan"));
        delivery.setMilestones(text(task, Var.MILESTONES));
      }, "DESIGNED", "timeline.demand.designed", text(task, "designReference"),
          text(task, Var.MILESTONES).replace("\n", "; "));
    }
  }

  private void allocate(DelegateTask task, String number, List<FieldError> errors) {
    required(task, "people", errors);
    Object budget = task.getVariable(Var.BUDGET);
    if (!(budget instanceof Number amount) || amount.doubleValue() < 0) {
      errors.add(new FieldError(Var.BUDGET, "reason.amount"));
    }
    if (errors.isEmpty()) {
      demands.delivery(number, delivery -> {
        delivery.setPeople(text(task, "people"));
        delivery.setBudget(new BigDecimal(budget.toString()));
        delivery.setEnvironments(text(task, "environments"));
      }, "RESOURCES_ALLOCATED", isBlank(text(task, "environments"))
          ? "timeline.demand.allocated" : "timeline.demand.allocatedWithEnvironments", text(task, "people"), budget,
          text(task, "environments"));
    }
  }

  /** The checklist must be complete; findings say what is missing and go back to the implementation. */
  private void qualityControl(DelegateTask task, String number, List<FieldError> errors) {
    boolean passed = checked(task, "qcTestsPassed", "qcDocumented", "qcSecurityReviewed", "qcHandoverReady");
    if (!passed && isBlank(text(task, "qcFindings"))) {
      errors.add(new FieldError("qcFindings", "reason.qc.findings"));
      return;
    }
    int failures = demands.deliveryOf(number).getQcFailures() + (passed ? 0 : 1);
    demands.delivery(number, delivery -> delivery.setQcFailures(failures), passed ? "QC_PASSED" : "QC_FAILED",
        passed ? "timeline.demand.qcPassed" : "timeline.demand.qcFailed", failures, text(task, "qcFindings"));
    DelegateExecution instance = task.getExecution().getProcessInstance();
    instance.setVariable(Var.QC_PASSED, passed);
    instance.setVariable(Var.QC_FAILURES, failures);
    instance.setVariable(Var.FINDINGS, passed ? null : text(task, "qcFindings"));
  }

  private void preparePackage(DelegateTask task, String number, List<FieldError> errors) {
    required(task, "deliverables", errors);
    required(task, "handover", errors);
    if (errors.isEmpty()) {
      demands.delivery(number, delivery -> {
        delivery.setDeliveryPackage(text(task, "deliverables"));
        delivery.setHandover(text(task, "handover"));
      }, "PACKAGE_READY", "timeline.typed", text(task, "deliverables"));
      demands.step(number, Demand.Status.ACCEPTANCE, "ACCEPTANCE", "timeline.demand.acceptance");
    }
  }

  /** The requester's test: every item passes (sign-off), or the failed items go back to the implementation. */
  private void acceptanceTest(DelegateTask task, String number, List<FieldError> errors) {
    if (currentUser.id() != null && !currentUser.id().equals(demands.load(number).getRequester())
        && !currentUser.groups().contains("service-desk")) {
      errors.add(new FieldError("acceptance", "reason.demand.acceptanceByRequester"));
      return;
    }
    boolean passed = checked(task, "acFunctional", "acPerformance", "acDocumentation", "acTraining");
    if (!passed && isBlank(text(task, "failedItems"))) {
      errors.add(new FieldError("failedItems", "reason.acceptance.failedItems"));
      return;
    }
    int rounds = demands.deliveryOf(number).getAcceptanceRounds() + 1;
    demands.delivery(number, delivery -> delivery.setAcceptanceRounds(rounds),
        passed ? "ACCEPTANCE_PASSED" : "ACCEPTANCE_FAILED",
        passed ? "timeline.demand.acceptancePassed" : "timeline.labelled",
        Timeline.text("timeline.demand.round", rounds),
        text(task, "failedItems"));
    DelegateExecution instance = task.getExecution().getProcessInstance();
    instance.setVariable(Var.ACCEPTANCE_PASSED, passed);
    instance.setVariable(Var.ACCEPTANCE_OUTCOME, passed ? "accepted" : "rework");
    instance.setVariable(Var.FINDINGS, passed ? null : text(task, "failedItems"));
  }

  private void retrospective(DelegateTask task, String number, List<FieldError> errors) {
    required(task, "wentWell", errors);
    required(task, "toImprove", errors);
    required(task, "lessons", errors);
    if (errors.isEmpty()) {
      demands.delivery(number, delivery -> {
        delivery.setWentWell(text(task, "wentWell"));
        delivery.setToImprove(text(task, "toImprove"));
        delivery.setLessons(text(task, "lessons"));
      }, "RETROSPECTIVE", "timeline.typed", text(task, "lessons"));
    }
  }

  private static boolean checked(DelegateTask task, String... items) {
    for (String item : items) {
      if (!Boolean.TRUE.equals(task.getVariable(item))) {
        return false;
      }
    }
    return true;
  }

  private String who() {
    return currentUser.id() != null ? currentUser.id() : "system";
  }

  private static Object reason(DelegateTask task, String field) {
    return Timeline.because(text(task, field));
  }

  /** A field's value and whether it was valid, to record it only then. */
  private record Checked(String value, boolean valid) {
    void ifValid(List<FieldError> errors, Runnable record) {
      if (valid && errors.isEmpty()) {
        record.run();
      }
    }
  }

  private static Checked required(DelegateTask task, String field, List<FieldError> errors) {
    String value = FormValues.required(task, field, errors);
    return new Checked(value, !isBlank(value));
  }

  private static Checked specification(DelegateTask task, String field, List<FieldError> errors) {
    Checked value = required(task, field, errors);
    if (value.valid() && value.value().length() > MAX_SPECIFICATION) {
      errors.add(new FieldError(field, "reason.maxLength", MAX_SPECIFICATION));
      return new Checked(value.value(), false);
    }
    return value;
  }

  /** A decision out of {@code allowed}; anything but the first (approve) needs a reason. */
  private static Checked decision(DelegateTask task, String field, List<String> allowed, String reasonField,
      List<FieldError> errors) {
    String value = oneOf(task, field, allowed, errors);
    boolean valid = isOneOf(allowed, value);
    if (valid && !value.equals(allowed.get(0)) && isBlank(text(task, reasonField))) {
      errors.add(new FieldError(reasonField, "reason.requiredWhen", value));
      valid = false;
    }
    return new Checked(value, valid);
  }
}
