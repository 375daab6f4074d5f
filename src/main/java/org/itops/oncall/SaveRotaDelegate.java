package org.itops.oncall;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.FormValues;
import org.springframework.stereotype.Component;

/**
 * "Save rota" of rota-change: the start form's rota replaces the group's (or is its first) as the user who started
 * it (an IT manager), by {@link Rotas#save} as {@code PUT /api/rotas/{group}}. Refused input rolls the start back,
 * and Tasklist shows why.
 */
@Component("saveRotaDelegate")
class SaveRotaDelegate implements JavaDelegate {

  private final Rotas rotas;

  SaveRotaDelegate(Rotas rotas) {
    this.rotas = rotas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rotas.save(FormValues.text(execution, "group"), new RotaRequest(FormValues.text(execution, "manager"),
        FormValues.text(execution, "zone"), FormValues.text(execution, "handover"),
        FormValues.integer(execution, "shiftDays"), FormValues.text(execution, "startsOn"),
        members(FormValues.text(execution, "members"))));
  }

  /** The members as the form's text area has them, one per line; blank lines are left out. */
  private static List<String> members(String lines) {
    return lines == null ? List.of() : lines.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
