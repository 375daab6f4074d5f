package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text a person sees in {@code processes/} and {@code forms/} has its translation in each of the suite's
 * other languages, and no translation is left for a text that is gone (docs/writing-processes.md, "Writing a process").
 */
class ModelTranslationsTest {

  private static final List<Locale> TRANSLATED = SuiteProperties.LANGUAGES.stream()
      .filter(language -> !language.getLanguage().equals("en")).toList();

  @TestFactory
  Stream<DynamicTest> everyShownTextHasItsTranslationAndEveryTranslationItsText() {
    return models().flatMap(model -> TRANSLATED.stream().map(language -> {
      String modelName = ProcessDeployment.resourceName(model);
      String name = modelName + ShownTexts.bundleSuffix(language);
      return dynamicTest(name, () -> {
        ClassPathResource bundle = new ClassPathResource(name);
        assertThat(bundle.exists()).as(name + " is missing: every model and form has one").isTrue();
        assertThat(problems(modelName, bytes(model), bundle)).as("problems of " + name).isEmpty();
      });
    }));
  }

  @Test
  void everyBundleBelongsToAModelOrFormOfItsNameAndNoTwoShareAName() throws IOException {
    Set<String> models = models().map(ProcessDeployment::resourceName).collect(Collectors.toSet());
    List<String> fileNames = new ArrayList<>();
    for (Locale language : TRANSLATED) {
      for (String folder : List.of("processes", "forms")) {
        for (Resource bundle : new PathMatchingResourcePatternResolver()
            .getResources("classpath*:" + folder + "/**/*" + ShownTexts.bundleSuffix(language))) {
          String name = ProcessDeployment.resourceName(bundle);
          assertThat(models).as(name + " translates a file that is not there")
              .contains(name.substring(0, name.length() - ShownTexts.bundleSuffix(language).length()));
          fileNames.add(bundle.getFilename());
        }
      }
    }
    // a deployment from Modeler names its files without their folder: the bundle is found by the file's name
    assertThat(fileNames).doesNotHaveDuplicates();
  }

  @TestFactory
  Stream<DynamicTest> eachBrokenBundleIsFoundWithTheKeyItBreaks() throws IOException {
    Resource[] bundles = new PathMatchingResourcePatternResolver()
        .getResources("classpath:broken-translations/*.zh-CN.properties");
    assertThat(bundles).isNotEmpty();
    return Arrays.stream(bundles).map(bundle -> dynamicTest(bundle.getFilename(), () -> {
      // rate-service.form--left-over--oldField.label.zh-CN.properties: a bundle of rate-service.form whose one
      // problem is the key oldField.label
      String[] parts = bundle.getFilename().replace(ShownTexts.bundleSuffix(Locale.SIMPLIFIED_CHINESE), "").split("--");
      Resource model = new ClassPathResource("broken-translations/" + parts[0]);
      List<String> problems = problems(parts[0], bytes(model), bundle);
      assertThat(problems).hasSize(1).first().asString().startsWith(parts[2] + ": ");
    }));
  }

  @Test
  void aTranslatedDiagramShowsTheTranslationAndKeepsIdsAndWhatProcessesReferTo() throws IOException {
    Resource source = new ClassPathResource("processes/incident/incident-lifecycle.bpmn");
    Map<String, String> bundle = bundle(new ClassPathResource(
        "processes/incident/incident-lifecycle.bpmn.zh-CN.properties"));

    byte[] translated = ShownTexts.translate("incident-lifecycle.bpmn", bytes(source), bundle);

    BpmnModelInstance english = Bpmn.readModelFromStream(source.getInputStream());
    BpmnModelInstance chinese = Bpmn.readModelFromStream(new ByteArrayInputStream(translated));
    assertThat(chinese.getModelElementById("incident-lifecycle").getAttributeValue("name")).isEqualTo("事件生命周期");
    assertThat(((FlowNode) chinese.getModelElementById("triageIncident")).getName()).isEqualTo("分诊事件");
    assertThat(ids(chinese)).isEqualTo(ids(english));
    // message names are correlated by the suite: never translated
    assertThat(chinese.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class))
        .extracting(message -> message.getName()).allMatch(name -> name.matches("[a-zA-Z.]+"));
    assertThat(ShownTexts.of("incident-lifecycle.bpmn", translated)).isEqualTo(bundle);
  }

  @Test
  void aTranslatedFormChangesOnlyItsTexts() throws IOException {
    Resource source = new ClassPathResource("forms/incident/register-incident.form");
    Map<String, String> bundle = bundle(new ClassPathResource("forms/incident/register-incident.form.zh-CN.properties"));

    byte[] translated = ShownTexts.translate("register-incident.form", bytes(source), bundle);

    ObjectMapper json = new ObjectMapper();
    JsonNode english = json.readTree(bytes(source));
    JsonNode chinese = json.readTree(translated);
    JsonNode impact = component(chinese, "impactField");
    assertThat(impact.path("label").asText()).isEqualTo("影响度");
    assertThat(impact.path("values").get(0).path("label").asText()).isEqualTo("高：多人或整个服务受影响");
    assertThat(impact.path("values").get(0).path("value").asText()).isEqualTo("high");
    for (String text : List.of("label", "description", "placeholder", "text", "dateLabel", "timeLabel")) {
      removeAll(english, text);
      removeAll(chinese, text);
    }
    assertThat(chinese).isEqualTo(english);
  }

  @Test
  void aTranslatedTableKeepsItsOutputNamesAndRules() throws IOException {
    Resource source = new ClassPathResource("processes/incident/service-level-targets.dmn");
    Map<String, String> bundle = bundle(new ClassPathResource(
        "processes/incident/service-level-targets.dmn.zh-CN.properties"));

    byte[] translated = ShownTexts.translate("service-level-targets.dmn", bytes(source), bundle);

    DmnModelInstance english = Dmn.readModelFromStream(source.getInputStream());
    DmnModelInstance chinese = Dmn.readModelFromStream(new ByteArrayInputStream(translated));
    assertThat(chinese.getModelElementsByType(Output.class)).extracting(Output::getName)
        .isEqualTo(english.getModelElementsByType(Output.class).stream().map(Output::getName).toList());
    assertThat(chinese.getModelElementsByType(Output.class)).extracting(Output::getLabel)
        .containsExactly("响应时限", "解决时限");
    assertThat(Dmn.convertToString(chinese).replaceAll("(label|name)=\"[^\"]*\"|<description>[^<]*<", ""))
        .isEqualTo(Dmn.convertToString(english).replaceAll("(label|name)=\"[^\"]*\"|<description>[^<]*<", ""));
  }

  /** What {@link ShownTexts#problems} finds, and translations made from an older English text. */
  private static List<String> problems(String modelName, byte[] model, Resource bundle) throws IOException {
    List<String> problems = new ArrayList<>(ShownTexts.problems(modelName, model, bundle(bundle)));
    problems.addAll(outdated(ShownTexts.of(modelName, model), bundle));
    return problems;
  }

  /**
   * The comment above each key is the English text it was translated from (line breaks as {@code \n}): when the
   * text is reworded under the same id, the translation is of an older text.
   */
  private static List<String> outdated(Map<String, String> texts, Resource bundle) throws IOException {
    List<String> problems = new ArrayList<>();
    String comment = null;
    for (String line : new String(bytes(bundle), StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("# ")) {
        comment = line.substring(2);
        continue;
      }
      int separator = line.indexOf('=');
      String text = separator > 0 && !line.startsWith("#") ? texts.get(line.substring(0, separator).strip()) : null;
      if (text != null && !text.replace("\n", "\\n").equals(comment)) {
        problems.add(line.substring(0, separator).strip() + ": translated from \"" + comment + "\", the English text"
            + " is now \"" + text + "\" (update the translation and the comment above it)");
      }
      comment = null;
    }
    return problems;
  }

  private static List<String> ids(BpmnModelInstance model) {
    return model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BaseElement.class).stream()
        .map(element -> String.valueOf(element.getId())).toList();
  }

  private static JsonNode component(JsonNode form, String id) {
    for (JsonNode component : form.path("components")) {
      if (component.path("id").asText().equals(id)) {
        return component;
      }
    }
    throw new AssertionError("no component " + id);
  }

  private static void removeAll(JsonNode node, String field) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      object.remove(field);
      object.forEach(child -> removeAll(child, field));
    } else {
      node.forEach(child -> removeAll(child, field));
    }
  }

  private static Stream<Resource> models() {
    return ProcessDeployment.byArea().values().stream().flatMap(List::stream);
  }

  private static Map<String, String> bundle(Resource bundle) throws IOException {
    try (InputStream in = bundle.getInputStream()) {
      return ShownTexts.readBundle(in);
    }
  }

  private static byte[] bytes(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
