package org.itops.audit;

import static org.itops.audit.AuditProcess.Var;
import static org.itops.platform.FormValues.instant;
import static org.itops.platform.FormValues.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.audit.AuditProcess.Element;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.springframework.stereotype.Component;

/**
 * Checks what people submit with an audit's tasks and puts it on the audit's record, with who and when. A refused
 * completion changes nothing and says why.
 */
@Component("auditTaskCompletion")
class AuditTaskCompletion implements TaskListener {

  private final AuditService audits;

  AuditTaskCompletion(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = task.getExecution().getProcessBusinessKey();
    switch (task.getTaskDefinitionKey()) {
      case Element.COLLECT_EVIDENCE -> audits.evidence(number, text(task, Var.CONTROL),
          required(task, Var.EVIDENCE));
      case Element.REVIEW -> {
        List<FieldError> errors = new ArrayList<>();
        String findings = text(task, Var.FINDINGS);
        List<String> lines = findings == null ? List.of() : Arrays.stream(findings.split("\n")).map(String::strip)
            .filter(line -> !line.isEmpty()).distinct().toList();
        Instant due = instant(task, Var.REMEDIATION_DUE, errors);
        errors.addAll(audits.findingErrors(number, lines, due));
        if (!errors.isEmpty()) {
          throw new InvalidRequestException(errors);
        }
        audits.reviewed(number, lines, due);
        task.getExecution().getProcessInstance().setVariable(Var.HAS_FINDINGS, !lines.isEmpty());
        if (due != null) {
          task.getExecution().getProcessInstance().setVariable(Var.REMEDIATION_DUE, Date.from(due));
        }
      }
      case Element.REMEDIATE -> audits.remediated(number, text(task, Var.FINDING),
          required(task, Var.REMEDIATION_NOTES));
      default -> throw new IllegalStateException("No completion rules for task " + task.getTaskDefinitionKey());
    }
  }

  private static String required(DelegateTask task, String field) {
    String value = text(task, field);
    if (value == null || value.isBlank() || value.length() > 4000) {
      throw new InvalidRequestException(field, "reason.requiredMaxLength", 4000);
    }
    return value;
  }
}
