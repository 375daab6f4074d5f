package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.itops.SuiteClient;
import org.itops.e2e.ChineseInstallation;
import org.itops.e2e.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * The suite in Simplified Chinese deploys its models and forms translated, at start and from Camunda Modeler, and
 * a start with nothing changed deploys nothing (the same context as the Chinese end-to-end tests).
 */
@EndToEndTest
@ChineseInstallation
class DeploymentTranslationIT {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessDeployment processDeployment;

  @Test
  void theSuiteDeploysItsProcessesTablesAndFormsInChineseWithTheirIdsAndValues() throws IOException {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("incident-lifecycle")
        .latestVersion().singleResult().getName()).isEqualTo("事件生命周期");
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("incident-priority")
        .latestVersion().singleResult().getName()).isEqualTo("事件优先级");

    JsonNode impact = component(deployedForm("itops-incident", "forms/incident/register-incident.form"),
        "impactField");
    assertThat(impact.path("key").asText()).isEqualTo("impact");
    assertThat(impact.path("label").asText()).isEqualTo("影响度");
    assertThat(impact.path("values").get(0).path("value").asText()).isEqualTo("high");
    assertThat(impact.path("values").get(0).path("label").asText()).isEqualTo("高：多人或整个服务受影响");
  }

  @Test
  void deployingAgainWithNothingChangedCreatesNoNewVersions() {
    long deployments = repositoryService.createDeploymentQuery().count();

    processDeployment.afterSingletonsInstantiated(); // what the next start does

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aTableDeployedFromModelerIsTranslatedWithTheSuitesBundleOfItsName() {
    Map<String, byte[]> files = Map.of("incident-priority.dmn", bytes("processes/incident/incident-priority.dmn"));

    String deployment = deployAsModeler(files);

    try {
      assertThat(decisionName(deployment)).isEqualTo("事件优先级");
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void aBundleDeployedWithTheTableFromModelerIsTheOneApplied() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("incident-priority.dmn", bytes("processes/incident/incident-priority.dmn"));
    files.put("incident-priority.dmn.zh-CN.properties", new String(bytes(
        "processes/incident/incident-priority.dmn.zh-CN.properties"), StandardCharsets.UTF_8)
        .replace("incident-priority.name=事件优先级", "incident-priority.name=事件优先级（试行）")
        .getBytes(StandardCharsets.UTF_8));

    String deployment = deployAsModeler(files);

    try {
      assertThat(decisionName(deployment)).isEqualTo("事件优先级（试行）");
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  private String deployAsModeler(Map<String, byte[]> files) {
    HttpResponse<String> deployed = new SuiteClient(port).deployAsModeler("modeler", "itops-translation-check",
        files);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    return repositoryService.createDeploymentQuery().deploymentName("itops-translation-check")
        .orderByDeploymentTime().desc().list().get(0).getId();
  }

  private String decisionName(String deployment) {
    return repositoryService.createDecisionDefinitionQuery().deploymentId(deployment).singleResult().getName();
  }

  private JsonNode deployedForm(String deploymentName, String resourceName) throws IOException {
    Deployment deployment = repositoryService.createDeploymentQuery().deploymentName(deploymentName)
        .orderByDeploymentTime().desc().list().get(0);
    try (InputStream in = repositoryService.getResourceAsStream(deployment.getId(), resourceName)) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static JsonNode component(JsonNode form, String id) {
    for (JsonNode component : form.path("components")) {
      if (component.path("id").asText().equals(id)) {
        return component;
      }
    }
    throw new AssertionError("no component " + id);
  }

  private static byte[] bytes(String classpathResource) {
    try (InputStream in = new ClassPathResource(classpathResource).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
