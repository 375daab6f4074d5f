package org.itops.audit;

import static org.itops.audit.AuditProcess.Var;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.attachment.Attachments;
import org.springframework.stereotype.Component;

/**
 * When a "Collect evidence" task is created: the evidence the suite holds of the task's control for the audit's
 * period, attached to the audit ({@link EvidenceReports}), so that its owner starts from it.
 */
@Component("attachControlEvidence")
class AttachControlEvidence implements TaskListener {

  private final EvidenceReports reports;
  private final Attachments attachments;

  AttachControlEvidence(EvidenceReports reports, Attachments attachments) {
    this.reports = reports;
    this.attachments = attachments;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = task.getExecution().getProcessBusinessKey();
    reports.attach(number, text(task, Var.CONTROL));
    // the audit's instance starts in this transaction, so the attachments could not find it to show their links
    String links = attachments.links(number);
    if (!links.isEmpty()) {
      task.getExecution().getProcessInstance().setVariable(Attachments.LINKS_VARIABLE, links);
    }
  }
}
