package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The names Java uses from incident-lifecycle.bpmn exist in the deployed model. */
@SuiteTest
class IncidentProcessModelTest {

  @Autowired RepositoryService repositoryService;

  @Test
  void everyElementIdOfTheConstantsIsInTheModel() throws Exception {
    BpmnModelInstance model = model();
    for (String id : constants(IncidentProcess.Element.class)) {
      assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
    }
  }

  @Test
  void theMessagesOfTheConstantsAreTheModelsMessages() {
    List<String> names = model().getModelElementsByType(Message.class).stream().map(Message::getName).toList();

    assertThat(names).containsExactlyInAnyOrder(IncidentProcess.MESSAGE_ALERT_RESOLVED, IncidentProcess.MESSAGE_REASSIGN,
        IncidentProcess.MESSAGE_ALERT_REFIRED);
  }

  @Test
  void everyUserTaskChecksWhatIsSubmitted() {
    for (UserTask task : model().getModelElementsByType(UserTask.class)) {
      List<String> listeners = task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class)
          .list().stream().filter(l -> "complete".equals(l.getCamundaEvent()))
          .map(CamundaTaskListener::getCamundaDelegateExpression).toList();
      // the validation first: a refused completion must not reach other listeners (such as the knowledge base's)
      assertThat(listeners).as(task.getId()).first().isEqualTo("${incidentTaskValidation}");
    }
  }

  private BpmnModelInstance model() {
    String id = repositoryService.createProcessDefinitionQuery().processDefinitionKey(IncidentProcess.KEY)
        .latestVersion().singleResult().getId();
    return repositoryService.getBpmnModelInstance(id);
  }

  private static List<String> constants(Class<?> holder) throws IllegalAccessException {
    List<String> values = new java.util.ArrayList<>();
    for (Field field : Arrays.stream(holder.getDeclaredFields()).filter(f -> Modifier.isStatic(f.getModifiers())).toList()) {
      values.add((String) field.get(null));
    }
    return values;
  }
}
