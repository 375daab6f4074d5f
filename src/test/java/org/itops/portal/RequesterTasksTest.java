package org.itops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** "Waiting for me" lists every task of the processes that is assigned to the person who asked, and no other. */
class RequesterTasksTest {

  /** How a process names the person who asked: the reporter of an incident, the requester of a demand. */
  private static final Set<String> ASKERS = Set.of("${reporter}", "${requester}");

  @Test
  void thePortalsRequesterTasksAreThoseTheModelsAssignToWhoAsked() throws IOException {
    Set<String> assignedToWhoAsked = new TreeSet<>();
    for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn")) {
      try (InputStream in = model.getInputStream()) {
        for (UserTask task : Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class)) {
          if (task.getCamundaAssignee() != null && ASKERS.contains(task.getCamundaAssignee())) {
            assignedToWhoAsked.add(task.getId());
          }
        }
      }
    }

    assertThat(assignedToWhoAsked).isEqualTo(new TreeSet<>(RequesterController.REQUESTER_TASKS));
  }
}
