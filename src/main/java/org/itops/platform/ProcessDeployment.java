package org.itops.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/<area>/} (BPMN, DMN) together with {@code forms/<area>/} as one deployment per
 * area, named {@code itops-<area>}, at every start, in the suite's language ({@link DeploymentTranslation}).
 *
 * <p>One deployment per area keeps a diagram and its forms together, as {@code formRefBinding="deployment"}
 * needs, and a change in one area does not give new versions to the processes of the others. Duplicate
 * filtering compares with the area's previous deployment: unchanged files deploy nothing.
 */
@Component
class ProcessDeployment implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployment.class);
  static final String DEPLOYMENT_PREFIX = "itops-";
  private static final List<String> PATTERNS = List.of(
      "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form");

  private final RepositoryService repositoryService;
  private final DeploymentTranslation translation;

  ProcessDeployment(RepositoryService repositoryService, DeploymentTranslation translation) {
    this.repositoryService = repositoryService;
    this.translation = translation;
  }

  @Override
  public void afterSingletonsInstantiated() {
    byArea().forEach(this::deploy);
  }

  private void deploy(String area, List<Resource> resources) {
    String name = DEPLOYMENT_PREFIX + area;
    long before = repositoryService.createDeploymentQuery().deploymentName(name).count();
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(name)
        .source(DeploymentTranslation.STARTUP_SOURCE)
        .enableDuplicateFiltering(false);
    for (Resource resource : resources) {
      try (InputStream in = resource.getInputStream()) {
        String resourceName = resourceName(resource);
        builder.addInputStream(resourceName,
            new ByteArrayInputStream(translation.translated(resourceName, in.readAllBytes())));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource, e);
      }
    }
    Deployment deployment = builder.deploy();
    boolean changed = repositoryService.createDeploymentQuery().deploymentName(name).count() > before;
    LOG.info("Area '{}' ({} files): {}", area, resources.size(),
        changed ? "deployed as " + deployment.getId() : "unchanged since deployment " + deployment.getId());
  }

  /** The files of each area, the area being the first folder under processes/ or forms/. */
  static Map<String, List<Resource>> byArea() {
    Map<String, List<Resource>> areas = new TreeMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (String pattern : PATTERNS) {
      try {
        for (Resource resource : resolver.getResources(pattern)) {
          areas.computeIfAbsent(area(resourceName(resource)), a -> new ArrayList<>()).add(resource);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + pattern, e);
      }
    }
    return areas;
  }

  /** The path under the classpath root, e.g. {@code processes/incident/incident-lifecycle.bpmn}. */
  static String resourceName(Resource resource) {
    String url;
    try {
      url = resource.getURL().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int processes = url.lastIndexOf("/processes/");
    int forms = url.lastIndexOf("/forms/");
    return url.substring(Math.max(processes, forms) + 1);
  }

  /** The area of {@code processes/<area>/file} or {@code forms/<area>/file}: the first folder. */
  static String area(String resourceName) {
    String[] parts = resourceName.split("/");
    return parts.length > 2 ? parts[1] : "common";
  }
}
