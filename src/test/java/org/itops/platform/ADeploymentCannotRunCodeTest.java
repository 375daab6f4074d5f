package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Security model, rule 3: deploying is not running code. A process owner (demo user {@code modeler}) deploys from
 * Camunda Modeler each broken example that would run code of their choosing: each is refused with 400 naming the
 * element, and nothing is deployed. The suite's own diagrams deploy from Modeler as before.
 */
@SuiteTest
class ADeploymentCannotRunCodeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The element each broken example is refused at. */
  private static final Map<String, String> REFUSED_AT = new LinkedHashMap<>();

  static {
    REFUSED_AT.put("runs-code--bean-in-condition.bpmn", "urgent");
    REFUSED_AT.put("runs-code--bean-in-decision.dmn", "priorityExpression");
    REFUSED_AT.put("runs-code--bean-in-mapping.bpmn", "work");
    REFUSED_AT.put("runs-code--connector.bpmn", "work");
    REFUSED_AT.put("runs-code--embedded-form.bpmn", "work");
    REFUSED_AT.put("runs-code--engine-in-condition.bpmn", "urgent");
    REFUSED_AT.put("runs-code--function-in-listener.bpmn", "work");
    REFUSED_AT.put("runs-code--java-class-listener.bpmn", "work");
    REFUSED_AT.put("runs-code--java-class.bpmn", "work");
    REFUSED_AT.put("runs-code--java-type-in-timer.bpmn", "waitTimer");
    REFUSED_AT.put("runs-code--method-expression.bpmn", "work");
    REFUSED_AT.put("runs-code--script-condition.bpmn", "urgent");
    REFUSED_AT.put("runs-code--script-language.dmn", "priorityExpression");
    REFUSED_AT.put("runs-code--script-listener.bpmn", "work");
    REFUSED_AT.put("runs-code--script-mapping.bpmn", "work");
    REFUSED_AT.put("runs-code--script-task.bpmn", "work");
    REFUSED_AT.put("runs-code--unknown-bean.bpmn", "work");
  }

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void everyBrokenExampleThatRunsCodeIsTried() {
    assertThat(brokenExamples().map(Resource::getFilename)).containsExactlyInAnyOrderElementsOf(REFUSED_AT.keySet());
  }

  @TestFactory
  Stream<DynamicTest> aProcessOwnerCannotDeployCodeOfTheirChoosing() {
    return brokenExamples().map(example -> dynamicTest(example.getFilename(), () -> {
      long before = repositoryService.createDeploymentQuery().count();

      HttpResponse<String> refused = deploy("modeler", Map.of(example.getFilename(), bytes(example)));

      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains(example.getFilename())
          .contains("element '" + REFUSED_AT.get(example.getFilename()) + "'");
      assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }));
  }

  @Test
  void aProcessOwnerCannotDeployAScriptOrAPageAsAFile() {
    HttpResponse<String> refused = deploy("modeler", Map.of("helper.groovy",
        "new File('/tmp/x').text = 'owned'".getBytes(StandardCharsets.UTF_8), "work.html",
        "<script>fetch('/engine-rest/user')</script>".getBytes(StandardCharsets.UTF_8)));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("helper.groovy").contains("work.html");
  }

  @Test
  void theRefusalNamesTheElementInTheLanguageOfTheRequest() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String example : new String[] {"runs-code--script-task.bpmn", "runs-code--java-type-in-timer.bpmn"}) {
      files.put(example, bytes(resource("classpath:broken-models/" + example)));
    }

    HttpResponse<String> chinese = client.send(client.modelerDeployment("modeler", "security-" + UUID.randomUUID(),
        files).header("Accept-Language", "zh-CN"));
    HttpResponse<String> english = deploy("modeler", files);

    assertThat(chinese.statusCode()).isEqualTo(400);
    assertThat(message(chinese)).contains("runs-code--script-task.bpmn: 此文件不能部署：元素 'work'：不允许使用脚本：请改为调用套件的流程步骤")
        .contains("runs-code--java-type-in-timer.bpmn: 此文件不能部署：元素 'waitTimer'：'title.getClass' 会访问 Java 类型"
            + "（title.getClass().forName('java.lang.Runtime')）")
        .doesNotContain("element", "not allowed");
    assertThat(english.statusCode()).isEqualTo(400);
    assertThat(message(english))
        .contains("runs-code--script-task.bpmn: element 'work': scripts are not allowed: call a process step of the"
            + " suite instead")
        .contains("runs-code--java-type-in-timer.bpmn: element 'waitTimer': 'title.getClass' leads to Java types"
            + " (title.getClass().forName('java.lang.Runtime'))");
  }

  @Test
  void theSuitesOwnDiagramAndFormsDeployFromModeler() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("change-management.bpmn", bytes(resource("classpath:processes/change/change-management.bpmn")));
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath:forms/change/*.form")) {
      files.put(form.getFilename(), bytes(form));
    }

    HttpResponse<String> deployed = deploy("modeler", files);

    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
  }

  /** The message of the engine REST API's answer. */
  private static String message(HttpResponse<String> answer) throws IOException {
    return JSON.readTree(answer.body()).path("message").asText();
  }

  private HttpResponse<String> deploy(String user, Map<String, byte[]> files) {
    return client.deployAsModeler(user, "security-" + UUID.randomUUID(), files);
  }

  private static Stream<Resource> brokenExamples() {
    try {
      return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:broken-models/runs-code--*"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Resource resource(String location) {
    return new PathMatchingResourcePatternResolver().getResource(location);
  }

  private static byte[] bytes(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
