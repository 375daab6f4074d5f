package org.itops.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models and forms in the suite's language ({@code itops.language}): each file's shown texts are
 * replaced by its bundle ({@link ShownTexts}) before the engine reads it, so Tasklist and Cockpit show the
 * translated names, labels and options while ids, keys and values stay as in the English source.
 *
 * <p>The suite's own deployment at start translates the files before it deploys them ({@link ProcessDeployment}:
 * the engine's duplicate filtering then compares translated files with translated files). A deployment that
 * arrives another way (Camunda Modeler, the REST API) is translated here, as a deployer the engine runs for every
 * new deployment, with the bundle deployed next to the file ({@code x.bpmn.zh-CN.properties}) or else the bundle
 * of the file of that name in the suite's {@code processes/} and {@code forms/}. The engine offers no public hook
 * that sees every deployment, so this uses its documented plugin and deployer extension points ({@code impl.cfg},
 * {@code impl.persistence.deploy}), as {@link DeploymentGuard} does; it runs after the guard's checks.
 *
 * <p>A text without translation stays English and is logged; {@code ModelTranslationsTest} keeps the suite's own
 * bundles complete.
 */
@Component
class DeploymentTranslation extends AbstractProcessEnginePlugin implements Deployer {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentTranslation.class);
  static final String STARTUP_SOURCE = "itops-startup";

  private final Locale language;
  private volatile Map<String, Resource> bundlesByFileName;

  DeploymentTranslation(SuiteProperties suite) {
    this.language = suite.language();
  }

  /** Whether files are deployed translated: the suite speaks another language than its sources' English. */
  boolean translates() {
    return !language.getLanguage().equals(Locale.ENGLISH.getLanguage());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(this); // last: the guard (first) refuses what is not a model before this reads it
    configuration.setCustomPreDeployers(deployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!translates() || !deployment.isNew() || STARTUP_SOURCE.equals(deployment.getSource())) {
      return; // the suite's own deployment comes translated; one read again from the database was translated
    }
    Map<String, ResourceEntity> resources = deployment.getResources();
    for (ResourceEntity resource : resources.values()) {
      if (ShownTexts.hasTexts(resource.getName())) {
        ResourceEntity deployedBundle = resources.get(resource.getName() + ShownTexts.bundleSuffix(language));
        Map<String, String> bundle = deployedBundle != null
            ? read(new ByteArrayInputStream(deployedBundle.getBytes()), deployedBundle.getName())
            : suiteBundle(resource.getName());
        resource.setBytes(translate(resource.getName(), resource.getBytes(), bundle));
      }
    }
  }

  /** The file in the suite's language, with the suite's bundle of that file name (if any). */
  byte[] translated(String resourceName, byte[] content) {
    if (!translates() || !ShownTexts.hasTexts(resourceName)) {
      return content;
    }
    return translate(resourceName, content, suiteBundle(resourceName));
  }

  private byte[] translate(String resourceName, byte[] content, Map<String, String> bundle) {
    List<String> problems = ShownTexts.problems(resourceName, content, bundle);
    if (!problems.isEmpty()) {
      LOG.warn("{} is deployed with texts not in {} ({} of its bundle): {}", resourceName,
          language.toLanguageTag(), bundle.isEmpty() ? "no bundle" : problems.size() + " problems", problems);
    }
    return ShownTexts.translate(resourceName, content, bundle);
  }

  /** The bundle of {@code processes/<area>/<file>} or {@code forms/<area>/<file>} with the file's name. */
  private Map<String, String> suiteBundle(String resourceName) {
    Resource bundle = bundlesByFileName().get(fileName(resourceName) + ShownTexts.bundleSuffix(language));
    if (bundle == null) {
      return Map.of();
    }
    try (InputStream in = bundle.getInputStream()) {
      return read(in, bundle.getFilename());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + bundle, e);
    }
  }

  private Map<String, Resource> bundlesByFileName() {
    if (bundlesByFileName == null) {
      Map<String, Resource> bundles = new HashMap<>();
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      for (String folder : List.of("processes", "forms")) {
        String pattern = "classpath*:" + folder + "/**/*" + ShownTexts.bundleSuffix(language);
        try {
          for (Resource resource : resolver.getResources(pattern)) {
            bundles.put(resource.getFilename(), resource);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot list " + pattern, e);
        }
      }
      bundlesByFileName = bundles;
    }
    return bundlesByFileName;
  }

  private static Map<String, String> read(InputStream in, String name) {
    try {
      return ShownTexts.readBundle(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidRequestException(name, "reason.deployment.bundle", e.getMessage());
    }
  }

  private static String fileName(String resourceName) {
    return resourceName.substring(resourceName.lastIndexOf('/') + 1);
  }
}
