package org.itops.audit;

import static org.itops.audit.AuditProcess.Var;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.itops.platform.ExpressionHelper;
import org.springframework.stereotype.Component;

/**
 * The multi-instance collections of compliance-audit and who works on each: the controls in scope
 * ({@code ${auditControls.of(execution)}}, owner {@code ${auditControls.owner(control)}}) and the findings
 * ({@code ${auditControls.findings(execution)}}, owner {@code ${auditControls.ownerOfFinding(finding)}}). Public, so
 * that the expression language can call them.
 */
@ExpressionHelper
@Component("auditControls")
public class AuditControls {

  private final AuditService audits;

  AuditControls(AuditService audits) {
    this.audits = audits;
  }

  public List<String> of(DelegateExecution execution) {
    return lines(execution.getVariable(Var.CONTROLS), ",");
  }

  public String owner(String control) {
    return audits.ownerOf(control);
  }

  public List<String> findings(DelegateExecution execution) {
    return lines(execution.getVariable(Var.FINDINGS), "\n");
  }

  public String ownerOfFinding(String finding) {
    return audits.ownerOf(AuditService.FindingLine.parse(finding).control());
  }

  private static List<String> lines(Object text, String separator) {
    return text == null ? List.of() : Arrays.stream(text.toString().split(separator)).map(String::strip)
        .filter(line -> !line.isEmpty()).distinct().toList();
  }
}
