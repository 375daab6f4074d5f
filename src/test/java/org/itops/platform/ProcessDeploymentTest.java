package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/ and forms/ reach the engine by themselves, one deployment per area. */
@SuiteTest
class ProcessDeploymentTest {

  @Autowired ProcessDeployment processDeployment;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;

  @Test
  void anAreaIsDeployedWithItsDiagramsAndForms() {
    Deployment deployment = latestFixturesDeployment();

    assertThat(repositoryService.getDeploymentResourceNames(deployment.getId())).containsExactlyInAnyOrder(
        "processes/fixtures/fixture-ops-task.bpmn", "processes/fixtures/fixture-restricted-case.bpmn",
        "processes/fixtures/fixture-short-history.bpmn",
        "forms/fixtures/fixture-request-form.form", "forms/fixtures/fixture-work-form.form");
  }

  @Test
  void aStartWithUnchangedFilesDeploysNothing() {
    long deployments = repositoryService.createDeploymentQuery().count();
    int version = repositoryService.createProcessDefinitionQuery().processDefinitionKey("fixture-ops-task")
        .latestVersion().singleResult().getVersion();

    processDeployment.afterSingletonsInstantiated();

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("fixture-ops-task")
        .latestVersion().singleResult().getVersion()).isEqualTo(version);
  }

  @Test
  void aUserTaskGetsTheCamundaFormDeployedWithItsDiagram() throws Exception {
    String instanceId = runtimeService.startProcessInstanceByKey("fixture-ops-task", "FIX-form",
        Map.of("summary", "x")).getId();
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

    try (InputStream form = formService.getDeployedTaskForm(taskId)) {
      assertThat(new ObjectMapper().readTree(form).path("id").asText()).isEqualTo("fixture-work-form");
    }
  }

  private Deployment latestFixturesDeployment() {
    return repositoryService.createDeploymentQuery().deploymentName("itops-fixtures")
        .orderByDeploymentTime().desc().list().get(0);
  }
}
