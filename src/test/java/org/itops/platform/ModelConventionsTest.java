package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.itops.SuiteTest;
import org.itops.platform.ModelConventions.Rule;
import org.itops.platform.ModelConventions.Violation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every deployed model and form keeps the conventions; each broken example is refused for its reason. */
@SuiteTest
class ModelConventionsTest {

  @Autowired ApplicationContext context;
  @Autowired RepositoryService repositoryService;
  @Autowired AccessProperties access;
  @Autowired DeploymentGuard deploymentGuard;
  @Autowired MessageSource messages;

  @TestFactory
  Stream<DynamicTest> everyDeployedModelAndFormKeepsTheConventions() {
    ModelConventions conventions = new ModelConventions(new RunningSuite());
    return ProcessDeployment.byArea().values().stream().flatMap(List::stream).map(resource -> {
      String name = ProcessDeployment.resourceName(resource);
      return dynamicTest(name, () -> assertThat(conventions.check(name, bytes(resource))).isEmpty());
    });
  }

  @TestFactory
  Stream<DynamicTest> eachBrokenModelIsRefusedForItsReason() {
    ModelConventions conventions = new ModelConventions(new RunningSuite());
    return brokenModels().map(resource -> dynamicTest(resource.getFilename(), () -> {
      Rule expected = ruleBrokenBy(resource);
      // checked as if it sat in the fixtures area, whose forms exist
      List<Violation> violations = conventions.check("processes/fixtures/" + resource.getFilename(), bytes(resource));
      assertThat(violations).isNotEmpty().extracting(Violation::rule).containsOnly(expected);
    }));
  }

  @Test
  void everyRuleHasABrokenExample() {
    Set<Rule> exemplified = brokenModels().map(ModelConventionsTest::ruleBrokenBy).collect(Collectors.toSet());
    assertThat(exemplified).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Rule.class));
  }

  private static Rule ruleBrokenBy(Resource brokenModel) {
    String name = brokenModel.getFilename();
    return Rule.ofCode(name.substring(0, name.indexOf("--")));
  }

  private static Stream<Resource> brokenModels() {
    try {
      return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:broken-models/*.*"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The conventions' view of this Spring context and its engine. */
  private class RunningSuite implements ModelConventions.Suite {

    private final Map<String, List<Resource>> areas = ProcessDeployment.byArea();

    @Override
    public Set<String> groups() {
      return access.groups().keySet();
    }

    @Override
    public Set<String> formIds(String area) {
      Set<String> ids = new TreeSet<>();
      for (Resource resource : areas.getOrDefault(area, List.of())) {
        if (resource.getFilename().endsWith(".form")) {
          try (InputStream in = resource.getInputStream()) {
            ids.add(new ObjectMapper().readTree(in).path("id").asText());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      return ids;
    }

    @Override
    public Set<String> decisionKeys() {
      return repositoryService.createDecisionDefinitionQuery().list().stream()
          .map(DecisionDefinition::getKey).collect(Collectors.toSet());
    }

    @Override
    public Class<?> beanType(String beanName) {
      return context.containsBean(beanName) ? context.getType(beanName) : null;
    }

    @Override
    public boolean isJavaDelegate(Class<?> type) {
      return JavaDelegate.class.isAssignableFrom(type);
    }

    @Override
    public boolean callsOutside(Class<?> type) {
      return AnnotatedElementUtils.hasAnnotation(type, CallsOutside.class);
    }

    @Override
    public List<String> runsCode(String resourceName, byte[] content) {
      return deploymentGuard.check(resourceName, content).stream()
          .map(problem -> messages.getMessage(problem, Locale.ENGLISH)).toList();
    }

    @Override
    public String deployProblem(String resourceName, byte[] content) {
      try {
        String id = repositoryService.createDeployment().name("conventions-check")
            .addString(resourceName.substring(resourceName.lastIndexOf('/') + 1),
                new String(content, java.nio.charset.StandardCharsets.UTF_8))
            .deploy().getId();
        repositoryService.deleteDeployment(id, true);
        return null;
      } catch (ProcessEngineException refused) {
        return refused.getMessage();
      }
    }
  }
}
